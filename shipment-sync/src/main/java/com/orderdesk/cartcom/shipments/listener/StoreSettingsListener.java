package com.orderdesk.cartcom.shipments.listener;

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
            stores.markDeleted(storeIdOf(record.key()));
            return;
        }
        snapshots.applyIfNewer(EventCodec.readKeyed(record.key(), record.value(), StoreIntegrationChanged.class));
    }

    private static long storeIdOf(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException | NullPointerException e) {
            throw new MalformedEventException("tombstone without a numeric store id key: " + key);
        }
    }
}
