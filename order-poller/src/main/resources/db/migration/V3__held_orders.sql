-- Orders not published because Cart.com did not give them whole (an address or the customer left out of select_many
-- or answered 404, items missing although asked): retried by id in later polls of the store until complete.
CREATE TABLE held_order (
    store_id        BIGINT      NOT NULL,
    cart_order_id   BIGINT      NOT NULL,
    -- What was missing at the last attempt, as the merchant reads it ("its customer 55").
    missing         TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 1,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    held_since      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (store_id, cart_order_id)
);
