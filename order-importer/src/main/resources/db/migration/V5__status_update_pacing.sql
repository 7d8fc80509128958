-- Read the order at Cart.com before setting its status: after an answer that leaves unclear whether Cart.com
-- applied an attempt (timeout, garbled body, 5xx), and once a shipment was recorded (shipment-sync may have set the
-- after-shipment status already, which a late after-import status must not overwrite).
ALTER TABLE pending_status_update ADD COLUMN check_first BOOLEAN NOT NULL DEFAULT false;

-- A store that answered 429 is left alone until its Retry-After, by every instance: its updates are not claimed
-- meanwhile, so one throttled store neither burns calls nor holds workers that other stores need.
CREATE TABLE store_call_pause (
    store_id     BIGINT PRIMARY KEY,
    paused_until TIMESTAMPTZ NOT NULL
);
