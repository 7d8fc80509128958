-- Order Desk orders imported from Cart.com. One row per (store, Cart.com order): the unique key is what makes
-- a redelivered or re-polled record import nothing new.
CREATE TABLE od_order (
    id              BIGSERIAL PRIMARY KEY,
    store_id        BIGINT         NOT NULL,
    cart_order_id   BIGINT         NOT NULL,
    source_id       TEXT           NOT NULL,
    source_name     TEXT           NOT NULL,
    folder_id       BIGINT         NOT NULL,
    email           TEXT,
    shipping_method TEXT,
    quantity_total  INT            NOT NULL,
    weight_total    NUMERIC(14, 4) NOT NULL,
    product_total   NUMERIC(14, 2) NOT NULL,
    shipping_total  NUMERIC(14, 2) NOT NULL,
    handling_total  NUMERIC(14, 2) NOT NULL,
    tax_total       NUMERIC(14, 2) NOT NULL,
    discount_total  NUMERIC(14, 2) NOT NULL,
    order_total     NUMERIC(14, 2) NOT NULL,
    payment_type    TEXT,
    payment_status  TEXT,
    date_added      TIMESTAMPTZ    NOT NULL,
    date_updated    TIMESTAMPTZ    NOT NULL,
    -- Nested Order Desk objects, kept as JSON text: they are read whole and never queried by field.
    shipping        TEXT           NOT NULL,
    customer        TEXT           NOT NULL,
    order_notes     TEXT           NOT NULL,
    checkout_data   TEXT           NOT NULL,
    order_metadata  TEXT           NOT NULL,
    import_id       UUID,
    CONSTRAINT od_order_store_cart_order UNIQUE (store_id, cart_order_id)
);
CREATE INDEX od_order_store_folder ON od_order (store_id, folder_id, id);
CREATE INDEX od_order_store_source ON od_order (store_id, source_id);

CREATE TABLE od_order_item (
    id             BIGSERIAL PRIMARY KEY,
    order_id       BIGINT         NOT NULL REFERENCES od_order (id),
    position       INT            NOT NULL,
    cart_item_id   BIGINT,
    name           TEXT           NOT NULL,
    code           TEXT           NOT NULL,
    price          NUMERIC(14, 2) NOT NULL,
    quantity       INT            NOT NULL,
    weight         NUMERIC(14, 4) NOT NULL,
    variation_list TEXT           NOT NULL,
    metadata       TEXT           NOT NULL
);
CREATE INDEX od_order_item_order ON od_order_item (order_id, position);

CREATE TABLE od_order_shipment (
    id              BIGSERIAL PRIMARY KEY,
    order_id        BIGINT      NOT NULL REFERENCES od_order (id),
    store_id        BIGINT      NOT NULL,
    tracking_number TEXT        NOT NULL,
    carrier_code    TEXT        NOT NULL,
    shipment_method TEXT,
    tracking_url    TEXT,
    date_shipped    TIMESTAMPTZ,
    items           TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX od_order_shipment_order ON od_order_shipment (order_id, id);

-- "After Import, Set Status" work: written in the import transaction, worked off by StatusUpdateWorker.
-- Rows survive restarts; next_attempt_at doubles as the claim lease while a call is in flight.
CREATE TABLE pending_status_update (
    id              BIGSERIAL PRIMARY KEY,
    store_id        BIGINT      NOT NULL,
    order_id        BIGINT      NOT NULL REFERENCES od_order (id),
    cart_order_id   BIGINT      NOT NULL,
    status_id       BIGINT      NOT NULL,
    state           TEXT        NOT NULL DEFAULT 'PENDING',
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at     TIMESTAMPTZ,
    CONSTRAINT pending_status_update_order UNIQUE (order_id)
);
CREATE INDEX pending_status_update_due ON pending_status_update (next_attempt_at) WHERE state = 'PENDING';
