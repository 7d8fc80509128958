package com.orderdesk.cartcom.shipments.repository;

import com.orderdesk.cartcom.kit.work.StoreLanes;

/**
 * A shipment the worker holds a lease on. {@code attempts} is the count including this attempt and doubles as a
 * fencing token: outcomes are written only while the row still carries it, so a worker whose lease expired
 * cannot overwrite the result of the one that took over.
 */
public record ClaimedShipment(long shipmentId, long storeId, long orderId, String payload, int attempts)
        implements StoreLanes.Item {
}
