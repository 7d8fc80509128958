-- The transactional outbox: a service writes its event here in the same transaction as the change the
-- event announces; OutboxRelay sends it to Kafka afterwards and marks it sent. No dual write.
CREATE TABLE outbox_event (
    id          UUID PRIMARY KEY,
    topic       TEXT        NOT NULL,
    record_key  TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at     TIMESTAMPTZ,
    attempts    INT         NOT NULL DEFAULT 0,
    last_error  TEXT
);
-- The relay reads unsent rows oldest first; a partial index keeps that cheap however many were sent.
CREATE INDEX outbox_event_unsent ON outbox_event (created_at) WHERE sent_at IS NULL;
