package com.orderdesk.cartcom.importer.listener;

import com.orderdesk.cartcom.importer.config.ImporterConfig;
import com.orderdesk.cartcom.importer.service.OrderImportPipeline;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Lets go of raw-order partitions only once the batches received from them are written. Otherwise the instance
 * that takes a partition over could import a store's later orders while this one still writes its earlier ones (a
 * batch may wait {@code importer.import.store-settings-wait} for newer store settings), and the store's orders would
 * take their ids out of order. Runs on the polling thread, so the rebalance waits for it (well within
 * {@code max.poll.interval.ms}); what this instance wrote but could no longer commit is delivered to the new owner
 * and found already imported.
 */
@ApplicationScoped
@Identifier(RawOrdersRebalance.NAME)
public class RawOrdersRebalance implements KafkaConsumerRebalanceListener {
    public static final String NAME = "raw-orders-rebalance";
    /** Beyond the settings wait: the batch's own transaction. */
    private static final Duration WRITE_MARGIN = Duration.ofSeconds(30);

    private final OrderImportPipeline pipeline;
    private final ImporterConfig config;

    RawOrdersRebalance(OrderImportPipeline pipeline, ImporterConfig config) {
        this.pipeline = pipeline;
        this.config = config;
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            pipeline.awaitWritten(config.importing().storeSettingsWait().plus(WRITE_MARGIN));
        }
    }
}
