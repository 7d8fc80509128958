package com.orderdesk.cartcom.model.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The fields every event of CONTRACTS.md carries beside its payload. The Kafka key is {@link #storeId()};
 * the headers repeat {@link #eventType()} and {@link #eventId()} so consumers can route and dedupe
 * without parsing the body.
 */
public interface IntegrationEvent {
    int SCHEMA_VERSION = 1;

    UUID eventId();

    String eventType();

    int schemaVersion();

    Instant occurredAt();

    long storeId();

    /** The Kafka record key: the Order Desk store id. */
    default String key() {
        return Long.toString(storeId());
    }
}
