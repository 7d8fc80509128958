-- A row Kafka refuses for a reason of its own (too large for the producer or the broker, an invalid topic, ...) is
-- set aside by OutboxRelay: set_aside_at and last_error (the reason) are set and the relay skips it from then on,
-- so one such row never blocks the rows behind it. Nothing deletes it: an operator reads it here (and the store's
-- activity log says so). Runs after every kit and service migration that touches outbox_event (V1000, V1000_1).
ALTER TABLE outbox_event ADD COLUMN set_aside_at TIMESTAMPTZ;

-- The relay claims unsent rows that are not set aside, oldest first.
DROP INDEX outbox_event_unsent;
CREATE INDEX outbox_event_unsent ON outbox_event (created_at) WHERE sent_at IS NULL AND set_aside_at IS NULL;
-- Set-aside rows are few; operators list them.
CREATE INDEX outbox_event_set_aside ON outbox_event (set_aside_at) WHERE set_aside_at IS NOT NULL;
