package com.orderdesk.cartcom.sandbox.store;

import java.util.List;
import java.util.Map;

/**
 * A POST /order_shipments body, already parsed: values holds the plain shipment fields the client sent
 * (shipped_at as an Instant); lines is null when the client sent no items.
 */
public record ShipmentUpsert(Long id, Long orderId, String shipmentName, Map<String, Object> values, List<Line> lines) {

    /** An order item (by order item id, not product id) and how many of it ship. */
    public record Line(long orderItemId, Integer quantityShipped) {
    }
}
