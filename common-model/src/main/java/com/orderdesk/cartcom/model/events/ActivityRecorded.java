package com.orderdesk.cartcom.model.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** What a service did or failed to do for a store; settings-service keeps these for the merchant to read. */
public record ActivityRecorded(
        UUID eventId,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        long storeId,
        String kind,
        Level level,
        String message,
        Long cartOrderId,
        Long orderId,
        UUID importId,
        Map<String, Long> counts) implements IntegrationEvent {

    public static final String TYPE = "ActivityRecorded";

    public enum Level {
        info, warn, error
    }

    public ActivityRecorded {
        counts = counts == null ? Map.of() : Map.copyOf(counts);
    }

    public static ActivityRecorded of(long storeId, String kind, Level level, String message) {
        return new ActivityRecorded(UUID.randomUUID(), TYPE, SCHEMA_VERSION, Instant.now(), storeId, kind, level,
                message, null, null, null, Map.of());
    }

    public ActivityRecorded withCartOrderId(Long id) {
        return new ActivityRecorded(eventId, eventType, schemaVersion, occurredAt, storeId, kind, level, message, id,
                orderId, importId, counts);
    }

    public ActivityRecorded withOrderId(Long id) {
        return new ActivityRecorded(eventId, eventType, schemaVersion, occurredAt, storeId, kind, level, message,
                cartOrderId, id, importId, counts);
    }

    public ActivityRecorded withImportId(UUID id) {
        return new ActivityRecorded(eventId, eventType, schemaVersion, occurredAt, storeId, kind, level, message,
                cartOrderId, orderId, id, counts);
    }

    public ActivityRecorded withCounts(Map<String, Long> newCounts) {
        return new ActivityRecorded(eventId, eventType, schemaVersion, occurredAt, storeId, kind, level, message,
                cartOrderId, orderId, importId, newCounts);
    }
}
