-- settings-service owns stores, their API keys (hashed), folders, the Cart.com connection and settings,
-- manual-import records and the activity log. Outbox (V1000) ships in common-model under db/outbox.

CREATE TABLE store (
    id               BIGSERIAL PRIMARY KEY,
    name             TEXT        NOT NULL,
    timezone         TEXT        NOT NULL,
    api_key_hash     TEXT        NOT NULL,
    -- Version of the last StoreIntegrationChanged snapshot; only grows (consumers keep the newest).
    snapshot_version BIGINT      NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE folder (
    id         BIGSERIAL PRIMARY KEY,
    store_id   BIGINT      NOT NULL REFERENCES store (id),
    name       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX folder_store_name ON folder (store_id, lower(name));

-- One row per store once a connection was ever made; a disconnect clears the token and keeps the domain.
CREATE TABLE cartcom_connection (
    store_id        BIGINT PRIMARY KEY REFERENCES store (id),
    domain          TEXT        NOT NULL,
    connected       BOOLEAN     NOT NULL,
    encrypted_token TEXT,
    token_key_id    TEXT,
    token_hint      TEXT,
    verified_at     TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Created with the store (defaults); saved_at stays NULL until the merchant saves settings.
CREATE TABLE cartcom_settings (
    store_id                 BIGINT PRIMARY KEY REFERENCES store (id),
    enabled                  BOOLEAN     NOT NULL,
    check_interval_minutes   INT         NOT NULL,
    download_status_ids      TEXT        NOT NULL DEFAULT '',
    folder_id                BIGINT      NOT NULL REFERENCES folder (id),
    after_import_status_id   BIGINT,
    after_shipment_status_id BIGINT,
    sync_tracking_numbers    BOOLEAN     NOT NULL,
    order_prefix             TEXT        NOT NULL DEFAULT '',
    saved_at                 TIMESTAMPTZ
);

CREATE TABLE manual_import (
    id              UUID PRIMARY KEY,
    store_id        BIGINT      NOT NULL REFERENCES store (id),
    since           TIMESTAMPTZ NOT NULL,
    status          TEXT        NOT NULL,
    orders_found    BIGINT      NOT NULL DEFAULT 0,
    orders_imported BIGINT      NOT NULL DEFAULT 0,
    orders_skipped  BIGINT      NOT NULL DEFAULT 0,
    orders_failed   BIGINT      NOT NULL DEFAULT 0,
    requested_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    last_message    TEXT
);
CREATE INDEX manual_import_store ON manual_import (store_id, requested_at DESC);

-- ActivityRecorded events of every service, deduplicated by event id (at-least-once delivery).
-- No foreign key to store: activity for a store this instance does not know yet is still kept.
CREATE TABLE activity (
    event_id      UUID PRIMARY KEY,
    store_id      BIGINT      NOT NULL,
    at            TIMESTAMPTZ NOT NULL,
    kind          TEXT        NOT NULL,
    level         TEXT        NOT NULL,
    message       TEXT        NOT NULL,
    cart_order_id BIGINT,
    order_id      BIGINT,
    import_id     UUID,
    counts        JSONB       NOT NULL DEFAULT '{}',
    received_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX activity_store_at ON activity (store_id, at DESC);
CREATE INDEX activity_store_kind_at ON activity (store_id, kind, at DESC);
