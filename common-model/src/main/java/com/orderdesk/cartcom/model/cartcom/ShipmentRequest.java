package com.orderdesk.cartcom.model.cartcom;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Body of {@code POST /order_shipments}. Cart.com updates the shipment whose {@code shipment_name} already
 * exists on the order instead of adding one, so a deterministic name makes the call idempotent.
 */
public record ShipmentRequest(
        @JsonProperty("order_id") long orderId,
        @JsonProperty("shipment_name") String shipmentName,
        @JsonProperty("shipped_at") OffsetDateTime shippedAt,
        @JsonProperty("tracking_numbers") String trackingNumbers,
        @JsonProperty("tracking_url") String trackingUrl,
        @JsonProperty("shipping_method") String shippingMethod,
        @JsonProperty("shipping_provider_name") String shippingProviderName,
        List<Item> items) {

    public record Item(long id, @JsonProperty("quantity_shipped") int quantityShipped) {
    }
}
