package com.orderdesk.cartcom.importer.listener;

import com.orderdesk.cartcom.model.consuming.DatabaseOutages;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.MalformedEventException;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.snapshot.StoreSnapshots;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Keeps this service's copy of the store snapshots: the folder, prefix and "After Import" status an import
 * uses, the sealed token the status worker opens, and the API key hash REST calls are checked against.
 */
@ApplicationScoped
public class StoreSettingsListener {
    public static final String CHANNEL = "store-settings";
    private static final Logger LOG = Logger.getLogger(StoreSettingsListener.class);

    @Inject
    StoreSnapshots snapshots;

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        try {
            String key = keyOf(message);
            DatabaseOutages.retryThrough("snapshot of store " + key, () -> apply(key, message.getPayload()));
            return message.ack();
        } catch (MalformedEventException e) {
            LOG.warnf("Store snapshot sent to the dead-letter topic: %s", e.getMessage());
            return DeadLetters.send(message, e);
        }
    }

    void apply(String key, String value) {
        if (value == null) {
            // A tombstone: the store was deleted.
            snapshots.markDeleted(parseStoreId(key));
            LOG.infof("Store %s deleted", key);
            return;
        }
        StoreIntegrationChanged snapshot = EventCodec.readKeyed(key, value, StoreIntegrationChanged.class);
        if (snapshots.applyIfNewer(snapshot)) {
            LOG.infof("Store %d snapshot version %d applied", snapshot.storeId(), snapshot.version());
        }
    }

    private static String keyOf(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> m.getKey() == null ? null : m.getKey().toString())
                .orElse(null);
    }

    private static long parseStoreId(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException | NullPointerException e) {
            throw new MalformedEventException("tombstone without a store id key: " + key);
        }
    }
}
