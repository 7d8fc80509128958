package com.orderdesk.cartcom.kit.snapshot;

import com.orderdesk.cartcom.kit.consuming.DatabaseOutages;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.MalformedEventException;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Every consuming service's one consumer of {@code cartcom.store-settings.v1}, with one rule for every record: a null
 * value is a tombstone (the store was deleted) keyed by the numeric store id; anything else is a snapshot whose key
 * must be its store id. A record that breaks the rule throws {@link MalformedEventException}, which the channel's
 * dead-letter strategy moves to the {@code .dlq} topic with the reason; a database outage is waited out. What a
 * snapshot or a deletion changes in the service is its {@link StoreSnapshotKeeper}.
 *
 * <p>settings-service publishes the topic and excludes this bean ({@code quarkus.arc.exclude-types}).
 */
@ApplicationScoped
public class StoreSettingsListener {
    /** The channel name every consuming service gives the settings topic. */
    public static final String CHANNEL = "store-settings";
    private static final Logger LOG = Logger.getLogger(StoreSettingsListener.class);

    private final StoreSnapshotKeeper keeper;

    StoreSettingsListener(StoreSnapshotKeeper keeper) {
        this.keeper = keeper;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onSnapshot(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            long storeId = storeIdOfTombstone(record.key());
            DatabaseOutages.retryThrough("deletion of store " + storeId, () -> keeper.deleted(storeId));
            LOG.infof("store %d deleted", storeId);
            return;
        }
        StoreIntegrationChanged snapshot = EventCodec.readKeyed(record.key(), record.value(), StoreIntegrationChanged.class);
        if (DatabaseOutages.retryThrough("snapshot of store " + snapshot.storeId(), () -> keeper.applied(snapshot))) {
            LOG.debugf("store %d snapshot version %d applied", snapshot.storeId(), snapshot.version());
        }
    }

    static long storeIdOfTombstone(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException | NullPointerException e) {
            throw new MalformedEventException("tombstone without a numeric store id key: " + key);
        }
    }
}
