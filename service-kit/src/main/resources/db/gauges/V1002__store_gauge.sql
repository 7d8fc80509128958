-- The value of each per-store gauge last reported to the merchant's activity log (kit StoreGauges). No row = 0:
-- a row goes when its gauge drops back to 0, so the table holds only the stores with something to count.
CREATE TABLE store_gauge (
    gauge       TEXT        NOT NULL,
    store_id    BIGINT      NOT NULL,
    reported    BIGINT      NOT NULL CHECK (reported <> 0),
    reported_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (gauge, store_id)
);
