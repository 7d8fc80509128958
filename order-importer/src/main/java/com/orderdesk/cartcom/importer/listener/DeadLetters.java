package com.orderdesk.cartcom.importer.listener;

import com.orderdesk.cartcom.model.events.EventHeaders;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Sends a record to its channel's dead-letter topic (failure-strategy=dead-letter-queue) with the project's
 * reason headers ({@link EventHeaders#DLQ_REASON}, {@link EventHeaders#DLQ_CONSUMER}) beside SmallRye's own
 * {@code dead-letter-reason}; the consumer then moves on to the next record.
 */
final class DeadLetters {
    static final String CONSUMER = "order-importer";

    private DeadLetters() {
    }

    static CompletionStage<Void> send(Message<?> message, Throwable reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.DLQ_REASON, bytes(reason.getMessage() == null ? reason.toString() : reason.getMessage()));
        headers.add(EventHeaders.DLQ_CONSUMER, bytes(CONSUMER));
        OutgoingKafkaRecordMetadata<Object> metadata = OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build();
        return message.nack(reason, Metadata.of(metadata));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
