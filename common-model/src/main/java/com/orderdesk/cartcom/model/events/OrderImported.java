package com.orderdesk.cartcom.model.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An Order Desk order was created from a Cart.com order; carries what shipment-sync needs to map items back. */
public record OrderImported(
        UUID eventId,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        long storeId,
        long orderId,
        String sourceId,
        long cartOrderId,
        long folderId,
        List<Item> items) implements IntegrationEvent {

    public static final String TYPE = "OrderImported";

    public OrderImported {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public record Item(long orderItemId, Long cartItemId, String code, int quantity) {
    }

    public static OrderImported of(long storeId, long orderId, String sourceId, long cartOrderId, long folderId,
                                   List<Item> items) {
        return new OrderImported(UUID.randomUUID(), TYPE, SCHEMA_VERSION, Instant.now(), storeId, orderId, sourceId,
                cartOrderId, folderId, items);
    }
}
