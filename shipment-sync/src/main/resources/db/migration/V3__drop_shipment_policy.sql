-- The after-shipment policy travels in the store snapshot record now (afterShipmentStatusWhen), which this service
-- keeps anyway: no copy of its own.
DROP TABLE store_shipment_policy;
