-- POST .../shipments with an Idempotency-Key header: the key (per store) and a digest of the request it came with,
-- so a repeat of the same request answers the first shipment again and the key with another request is a 409.
ALTER TABLE od_order_shipment ADD COLUMN idempotency_key TEXT, ADD COLUMN request_digest TEXT;
CREATE UNIQUE INDEX od_order_shipment_idempotency ON od_order_shipment (store_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
