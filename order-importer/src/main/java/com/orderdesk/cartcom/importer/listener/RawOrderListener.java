package com.orderdesk.cartcom.importer.listener;

import com.orderdesk.cartcom.importer.service.OrderImportPipeline;
import com.orderdesk.cartcom.importer.service.OrderPreparer;
import com.orderdesk.cartcom.importer.service.PreparedOrder;
import com.orderdesk.cartcom.importer.service.RawOrder;
import com.orderdesk.cartcom.importer.service.ReceivedBatch;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Receives the orders the poller fetched, a poll's batch at a time (at most {@code max.poll.records}): prepares
 * the batch's orders (reading, store, mapping, ids, JSON; nothing written), then hands the batch to the
 * {@link OrderImportPipeline}, which imports it in one transaction and acknowledges it. The next batch is prepared
 * here while the pipeline writes this one. Batches are taken one at a time and keep each partition's records in
 * offset order, and the pipeline writes them in that order, which keeps per-store order (the key is the store id; a
 * record keyed otherwise is malformed, CONTRACTS.md).
 */
@ApplicationScoped
public class RawOrderListener {
    public static final String CHANNEL = "raw-orders";
    private static final Logger LOG = Logger.getLogger(RawOrderListener.class);

    private final OrderPreparer preparer;
    private final OrderImportPipeline pipeline;

    RawOrderListener(OrderPreparer preparer, OrderImportPipeline pipeline) {
        this.preparer = preparer;
        this.pipeline = pipeline;
    }

    /** Completes once the batch before this one is written: SmallRye then brings the next batch to prepare. */
    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return pipeline.enqueue(new ReceivedBatch(batch, prepare(batch.getRecords())));
    }

    /** Null if it failed (say the database is down): the pipeline then takes the records one by one, with retries. */
    private List<PreparedOrder> prepare(List<KafkaRecord<String, String>> records) {
        try {
            return preparer.prepare(records.stream().map(RawOrder::of).toList());
        } catch (RuntimeException e) {
            LOG.warnf("Preparing a batch of %d orders failed, importing them one by one: %s", records.size(), e.toString());
            return null;
        }
    }
}
