package com.orderdesk.cartcom.model.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone asks for an early poll of the store: a Cart.com webhook arrived for it (its body is never trusted, so this
 * says only that and when), or an operator asks. The poll itself is the ordinary one.
 */
public record PollRequested(
        UUID eventId,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        long storeId,
        String reason,
        Instant receivedAt) implements IntegrationEvent {

    public static final String TYPE = "PollRequested";
    /** A Cart.com webhook (NewOrder, OrderStatusChanged, ...) reached the store's secret URL. */
    public static final String REASON_WEBHOOK = "webhook";

    public static PollRequested of(long storeId, String reason, Instant receivedAt) {
        return new PollRequested(UUID.randomUUID(), TYPE, SCHEMA_VERSION, Instant.now(), storeId, reason, receivedAt);
    }
}
