package com.orderdesk.cartcom.shipments.repository;

/** The sync state of one shipment towards Cart.com (column shipment_sync.state). */
public enum ShipmentState {
    /** Known order, due for (another) attempt at next_attempt_at. */
    pending,
    /** The order's OrderImported event has not arrived (yet); becomes pending when it does. */
    waiting_for_order,
    sent,
    /** Gave up: a permanent Cart.com answer, an unmappable item, or too many attempts. */
    failed,
    /** Deliberately not sent: tracking sync off, store inactive or deleted, or the order never came from Cart.com. */
    skipped
}
