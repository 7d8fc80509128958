package com.orderdesk.cartcom.model.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One Cart.com order as the poller received it, self-contained: the order (with items, payments, shipments
 * and custom fields expanded), its two addresses and its customer, so the importer never calls Cart.com.
 * {@code storeVersion} (added; absent from older producers) is the store's settings snapshot version the poller
 * fetched it under.
 */
public record CartOrderFetched(
        UUID eventId,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        long storeId,
        long cartOrderId,
        UUID importId,
        Instant fetchedAt,
        ObjectNode order,
        ObjectNode shippingAddress,
        ObjectNode billingAddress,
        ObjectNode customer,
        Long storeVersion) implements IntegrationEvent {

    public static final String TYPE = "CartOrderFetched";

    public static CartOrderFetched of(long storeId, long cartOrderId, UUID importId, ObjectNode order,
                                      ObjectNode shippingAddress, ObjectNode billingAddress, ObjectNode customer) {
        Instant now = Instant.now();
        return new CartOrderFetched(UUID.randomUUID(), TYPE, SCHEMA_VERSION, now, storeId, cartOrderId, importId, now,
                order, shippingAddress, billingAddress, customer, null);
    }

    /**
     * The same event, saying which version of the store's settings snapshot it was fetched under: a consumer whose
     * copy of the store is older knows to wait for the newer one (settings and orders travel on separate topics).
     */
    public CartOrderFetched atStoreVersion(long version) {
        return new CartOrderFetched(eventId, eventType, schemaVersion, occurredAt, storeId, cartOrderId, importId,
                fetchedAt, order, shippingAddress, billingAddress, customer, version);
    }
}
