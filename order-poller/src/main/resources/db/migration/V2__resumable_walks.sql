-- Where a manual import's sweep stands (ordered_at, id of the last order acknowledged by Kafka), so a restarted
-- or retried import resumes there instead of starting over.
ALTER TABLE import_request ADD COLUMN cursor_ordered_at TIMESTAMPTZ, ADD COLUMN cursor_order_id BIGINT;

-- A poll that stopped early (near the call limit, or at max-pages-per-poll) left its walk unfinished: the next
-- poll continues right after the cursor instead of re-reading the overlap window, so it always makes progress.
ALTER TABLE poll_schedule ADD COLUMN walk_unfinished BOOLEAN NOT NULL DEFAULT FALSE;
