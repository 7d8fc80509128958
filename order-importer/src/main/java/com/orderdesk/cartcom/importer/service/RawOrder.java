package com.orderdesk.cartcom.importer.service;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/** A record of {@code cartcom.orders.raw.v1} as consumed: its key (the store id) and its value (a CartOrderFetched). */
public record RawOrder(String key, String value) {

    public static RawOrder of(KafkaRecord<String, String> record) {
        return new RawOrder(record.getKey(), record.getPayload());
    }
}
