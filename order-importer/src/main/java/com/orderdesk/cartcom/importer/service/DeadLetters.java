package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.model.events.EventHeaders;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Sends a record to its channel's dead-letter topic (failure-strategy=dead-letter-queue): SmallRye writes the
 * reason ({@link EventHeaders#DLQ_REASON}) and the origin; this adds {@link EventHeaders#DLQ_CONSUMER}. The
 * consumer then moves on to the next record.
 */
final class DeadLetters {
    static final String CONSUMER = "order-importer";

    private DeadLetters() {
    }

    static CompletionStage<Void> send(Message<?> message, Throwable reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.DLQ_CONSUMER, bytes(CONSUMER));
        OutgoingKafkaRecordMetadata<Object> metadata = OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build();
        return message.nack(reason, Metadata.of(metadata));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
