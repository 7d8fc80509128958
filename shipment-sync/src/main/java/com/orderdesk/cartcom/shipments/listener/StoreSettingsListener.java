package com.orderdesk.cartcom.shipments.listener;

import com.orderdesk.cartcom.model.consuming.DatabaseOutages;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.MalformedEventException;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.snapshot.StoreSnapshots;
import com.orderdesk.cartcom.shipments.repository.StoreSnapshotRepository;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps this service's copy of the store snapshots; a null value (tombstone) means the store was deleted. */
@ApplicationScoped
public class StoreSettingsListener {
    public static final String CHANNEL = "store-settings";

    private final StoreSnapshots snapshots;
    private final StoreSnapshotRepository stores;

    StoreSettingsListener(StoreSnapshots snapshots, StoreSnapshotRepository stores) {
        this.snapshots = snapshots;
        this.stores = stores;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onSnapshot(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            long storeId = storeIdOf(record.key());
            DatabaseOutages.retryThrough("deletion of store " + storeId, () -> stores.markDeleted(storeId));
            return;
        }
        StoreIntegrationChanged snapshot = EventCodec.readKeyed(record.key(), record.value(), StoreIntegrationChanged.class);
        DatabaseOutages.retryThrough("snapshot of store " + snapshot.storeId(), () -> snapshots.applyIfNewer(snapshot));
    }

    private static long storeIdOf(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException | NullPointerException e) {
            throw new MalformedEventException("tombstone without a numeric store id key: " + key);
        }
    }
}
