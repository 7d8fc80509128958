-- The newest store snapshot (StoreIntegrationChanged) each consuming service has seen, by store.
-- version only grows: a stale or replayed snapshot never overwrites a newer one.
CREATE TABLE store_snapshot (
    store_id    BIGINT PRIMARY KEY,
    version     BIGINT      NOT NULL,
    snapshot    TEXT        NOT NULL,
    deleted     BOOLEAN     NOT NULL DEFAULT FALSE,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
