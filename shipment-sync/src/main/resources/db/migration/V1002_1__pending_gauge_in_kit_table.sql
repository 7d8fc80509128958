-- The pending-shipments gauge now keeps its last reported value in the kit's store_gauge table (db/gauges, V1002),
-- as every per-store gauge does; the values reported so far move there, so nothing is reported again.
INSERT INTO store_gauge (gauge, store_id, reported, reported_at)
SELECT 'shipmentsPending', store_id, reported, reported_at FROM shipment_pending_gauge WHERE reported <> 0;
DROP TABLE shipment_pending_gauge;
