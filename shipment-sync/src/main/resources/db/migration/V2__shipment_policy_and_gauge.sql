-- When "After Shipment, Set Status" is applied, per store (snapshot field afterShipmentStatusWhen, read from the
-- raw snapshot record until the contract's record carries it). No row = the default, after each shipment.
CREATE TABLE store_shipment_policy (
    store_id              BIGINT PRIMARY KEY,
    version               BIGINT NOT NULL,
    after_shipment_status TEXT   NOT NULL CHECK (after_shipment_status IN ('each_shipment', 'fully_shipped'))
);

-- The shipmentsPending value last reported per store, so the gauge is reported when it changes, not every sweep.
CREATE TABLE shipment_pending_gauge (
    store_id    BIGINT PRIMARY KEY,
    reported    BIGINT      NOT NULL,
    reported_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The sent shipments of an order, read when deciding whether it is fully shipped.
CREATE INDEX shipment_sync_order ON shipment_sync (order_id, state);
