-- A store deletion is announced by a tombstone (a record without a value) on the compacted
-- cartcom.store-settings.v1, through the outbox like every other change: such a row has no payload.
-- Runs after the shared outbox migration (V1000, db/outbox).
ALTER TABLE outbox_event ALTER COLUMN payload DROP NOT NULL;
