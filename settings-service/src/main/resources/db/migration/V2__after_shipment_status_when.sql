-- When "After Shipment, Set Status" applies: after each shipment (the guide's behaviour) or once fully shipped.
ALTER TABLE cartcom_settings ADD COLUMN after_shipment_status_when TEXT NOT NULL DEFAULT 'each_shipment';
