package com.orderdesk.cartcom.poller.listener;

import com.orderdesk.cartcom.model.consuming.DatabaseOutages;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.MalformedEventException;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.poller.service.SnapshotApplier;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Store snapshots from cartcom.store-settings.v1. A record that cannot be read throws, and the channel's
 * dead-letter-queue strategy moves it to cartcom.store-settings.v1.dlq with the reason; the consumer goes on.
 */
@ApplicationScoped
public class StoreSettingsListener {
    public static final String CHANNEL = "store-settings";
    private static final Logger LOG = Logger.getLogger(StoreSettingsListener.class);

    private final SnapshotApplier applier;

    public StoreSettingsListener(SnapshotApplier applier) {
        this.applier = applier;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onSnapshot(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            long storeId = storeIdFromKey(record.key());
            DatabaseOutages.retryThrough("deletion of store " + storeId, () -> applier.delete(storeId));
            LOG.infof("store %d deleted: no longer polled", storeId);
            return;
        }
        StoreIntegrationChanged snapshot = EventCodec.readKeyed(record.key(), record.value(), StoreIntegrationChanged.class);
        if (DatabaseOutages.retryThrough("snapshot of store " + snapshot.storeId(), () -> applier.apply(snapshot))) {
            LOG.debugf("store %d snapshot version %d applied (active=%s)", (Object) snapshot.storeId(), (Object) snapshot.version(), (Object) snapshot.active());
        }
    }

    private static long storeIdFromKey(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException | NullPointerException e) {
            throw new MalformedEventException("tombstone without a store id key: " + key);
        }
    }
}
