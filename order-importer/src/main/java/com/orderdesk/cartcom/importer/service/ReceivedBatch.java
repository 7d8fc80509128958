package com.orderdesk.cartcom.importer.service;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.util.List;

/**
 * A poll's records as {@code RawOrderListener} hands them to the {@link OrderImportPipeline}, with their
 * {@link PreparedOrder}s in the same order, or {@code null} if preparing them together failed: then each record is
 * prepared and imported alone.
 */
public record ReceivedBatch(KafkaRecordBatch<String, String> batch, List<PreparedOrder> prepared) {

    /**
     * Whether its records take their order ids only when written: unprepared, or waiting for newer store settings
     * (prepared again once they arrive).
     */
    boolean takesIdsWhenWritten() {
        return prepared == null || prepared.stream().anyMatch(order -> order.awaitedStoreVersion() != null);
    }

    List<KafkaRecord<String, String>> records() {
        return batch.getRecords();
    }
}
