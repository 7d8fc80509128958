package com.orderdesk.cartcom.model.events;

import java.time.Instant;
import java.util.UUID;

/** A merchant asked to import every order in the download statuses ordered at or after {@link #since()}. */
public record ManualImportRequested(
        UUID eventId,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        long storeId,
        UUID importId,
        Instant since) implements IntegrationEvent {

    public static final String TYPE = "ManualImportRequested";

    public static ManualImportRequested of(long storeId, UUID importId, Instant since) {
        return new ManualImportRequested(UUID.randomUUID(), TYPE, SCHEMA_VERSION, Instant.now(), storeId, importId, since);
    }
}
