package com.orderdesk.cartcom.model.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A shipment was added to an Order Desk order, by any Order Desk service. {@link #items()} null or empty
 * means the whole order shipped.
 */
public record ShipmentCreated(
        UUID eventId,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        long storeId,
        long shipmentId,
        long orderId,
        String trackingNumber,
        String carrierCode,
        String shipmentMethod,
        String trackingUrl,
        Instant dateShipped,
        List<Item> items) implements IntegrationEvent {

    public static final String TYPE = "ShipmentCreated";

    public ShipmentCreated {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public record Item(long orderItemId, int quantity) {
    }

    public static ShipmentCreated of(long storeId, long shipmentId, long orderId, String trackingNumber,
                                     String carrierCode, String shipmentMethod, String trackingUrl,
                                     Instant dateShipped, List<Item> items) {
        return new ShipmentCreated(UUID.randomUUID(), TYPE, SCHEMA_VERSION, Instant.now(), storeId, shipmentId, orderId,
                trackingNumber, carrierCode, shipmentMethod, trackingUrl, dateShipped, items);
    }
}
