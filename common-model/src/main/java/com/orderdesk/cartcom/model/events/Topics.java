package com.orderdesk.cartcom.model.events;

import java.util.List;

/** The Kafka topics of CONTRACTS.md. Every record is keyed by the Order Desk store id. */
public final class Topics {
    public static final String STORE_SETTINGS = "cartcom.store-settings.v1";
    public static final String IMPORT_REQUESTS = "cartcom.import-requests.v1";
    public static final String ORDERS_RAW = "cartcom.orders.raw.v1";
    public static final String ORDERS_IMPORTED = "orderdesk.orders.imported.v1";
    public static final String SHIPMENTS_CREATED = "orderdesk.shipments.created.v1";
    public static final String INTEGRATION_ACTIVITY = "cartcom.integration-activity.v1";
    public static final String POLL_REQUESTS = "cartcom.poll-requests.v1";

    /** Suffix of the dead-letter topic of each consumed topic. */
    public static final String DLQ_SUFFIX = ".dlq";

    /** Topics that keep only the newest record per key (the store snapshot). */
    public static final List<String> COMPACTED = List.of(STORE_SETTINGS);

    public static final List<String> ALL = List.of(
            STORE_SETTINGS, IMPORT_REQUESTS, ORDERS_RAW, ORDERS_IMPORTED, SHIPMENTS_CREATED, INTEGRATION_ACTIVITY,
            POLL_REQUESTS);

    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }

    /** Every topic the system uses, dead-letter topics included. */
    public static List<String> allWithDeadLetters() {
        return ALL.stream().flatMap(t -> java.util.stream.Stream.of(t, dlq(t))).toList();
    }

    private Topics() {
    }
}
