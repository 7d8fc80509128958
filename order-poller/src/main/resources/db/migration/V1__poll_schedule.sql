-- One row per store this service has seen a snapshot of: when it is due, who holds it, and how far it got.
CREATE TABLE poll_schedule (
    store_id             BIGINT PRIMARY KEY,
    -- StoreIntegrationChanged.active(): connected, enabled, a token and download statuses. Only active stores are claimed.
    active               BOOLEAN     NOT NULL,
    snapshot_version     BIGINT      NOT NULL,
    next_poll_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- The claim: an instance owns the store until lease_until; a dead instance's lease simply lapses.
    lease_owner          TEXT,
    lease_until          TIMESTAMPTZ,
    -- The newest Cart.com updated_at published (after Kafka acknowledged it), and the order that carried it.
    cursor_updated_at    TIMESTAMPTZ,
    cursor_order_id      BIGINT,
    consecutive_failures INT         NOT NULL DEFAULT 0,
    -- Set when polling cannot go on without the merchant (token rejected); a new snapshot with new credentials clears it.
    paused_reason        TEXT,
    last_polled_at       TIMESTAMPTZ,
    last_success_at      TIMESTAMPTZ,
    last_error           TEXT,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- The claim query reads due, active, unpaused stores oldest first.
CREATE INDEX poll_schedule_due ON poll_schedule (next_poll_at) WHERE active AND paused_reason IS NULL;

-- Orders published within the overlap window, so re-reading the window does not publish an unchanged order again.
CREATE TABLE published_order (
    store_id       BIGINT      NOT NULL,
    cart_order_id  BIGINT      NOT NULL,
    updated_at_raw TEXT        NOT NULL,
    updated_at     TIMESTAMPTZ,
    published_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (store_id, cart_order_id)
);

-- Manual imports asked for on cartcom.import-requests.v1; claimed with a lease like stores.
CREATE TABLE import_request (
    import_id     UUID PRIMARY KEY,
    store_id      BIGINT      NOT NULL,
    since         TIMESTAMPTZ NOT NULL,
    status        TEXT        NOT NULL DEFAULT 'queued',  -- queued, running, completed, failed
    requested_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    next_try_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts      INT         NOT NULL DEFAULT 0,
    lease_owner   TEXT,
    lease_until   TIMESTAMPTZ,
    orders_found  BIGINT      NOT NULL DEFAULT 0,
    started_at    TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ,
    last_error    TEXT
);
CREATE INDEX import_request_pending ON import_request (next_try_at) WHERE status IN ('queued', 'running');
