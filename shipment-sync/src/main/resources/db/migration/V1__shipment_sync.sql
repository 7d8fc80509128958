-- Which Order Desk order came from which Cart.com order (from OrderImported), so a shipment on the order can
-- be sent to the right Cart.com order with Cart.com's own item ids. Written once per order, never updated.
CREATE TABLE imported_order (
    order_id      BIGINT PRIMARY KEY,
    store_id      BIGINT      NOT NULL,
    cart_order_id BIGINT      NOT NULL,
    source_id     TEXT,
    imported_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE imported_order_item (
    order_id      BIGINT NOT NULL REFERENCES imported_order (order_id),
    order_item_id BIGINT NOT NULL,
    -- null when the Order Desk item has no Cart.com counterpart (it cannot be named in a Cart.com shipment)
    cart_item_id  BIGINT,
    quantity      INT    NOT NULL,
    PRIMARY KEY (order_id, order_item_id)
);

-- One row per ShipmentCreated event: its sync state towards Cart.com. shipment_id is the idempotency key of
-- the consumer (a redelivered event changes nothing) and, as OD-SHIP-<id>, of the Cart.com upsert.
CREATE TABLE shipment_sync (
    shipment_id     BIGINT PRIMARY KEY,
    store_id        BIGINT      NOT NULL,
    order_id        BIGINT      NOT NULL,
    payload         TEXT        NOT NULL,
    state           TEXT        NOT NULL
        CHECK (state IN ('pending', 'waiting_for_order', 'sent', 'failed', 'skipped')),
    attempts        INT         NOT NULL DEFAULT 0,
    -- for pending rows: when the worker may (re)try; a claimed row gets a lease by moving it forward
    next_attempt_at TIMESTAMPTZ,
    last_error      TEXT,
    sent_at         TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX shipment_sync_due ON shipment_sync (next_attempt_at) WHERE state = 'pending';
CREATE INDEX shipment_sync_waiting ON shipment_sync (order_id) WHERE state = 'waiting_for_order';
CREATE INDEX shipment_sync_store ON shipment_sync (store_id, state);
