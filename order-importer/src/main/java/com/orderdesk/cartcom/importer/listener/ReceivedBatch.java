package com.orderdesk.cartcom.importer.listener;

import com.orderdesk.cartcom.importer.service.PreparedOrder;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.util.List;

/**
 * A poll's records as {@link RawOrderListener} hands them to the {@link ImportWriter}, with their
 * {@link PreparedOrder}s in the same order, or {@code null} if preparing them together failed: then each record is
 * prepared and imported alone.
 */
record ReceivedBatch(KafkaRecordBatch<String, String> batch, List<PreparedOrder> prepared) {

    List<KafkaRecord<String, String>> records() {
        return batch.getRecords();
    }
}
