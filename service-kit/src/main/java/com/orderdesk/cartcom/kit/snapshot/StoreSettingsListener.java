package com.orderdesk.cartcom.kit.snapshot;

import com.orderdesk.cartcom.kit.consuming.DatabaseOutages;
import com.orderdesk.cartcom.kit.consuming.KeyedRecords;
import com.orderdesk.cartcom.model.crypto.EncryptedToken;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.crypto.TokenDecryptionException;
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
    private final TokenCrypto crypto;

    StoreSettingsListener(StoreSnapshotKeeper keeper, TokenCrypto crypto) {
        this.keeper = keeper;
        this.crypto = crypto;
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
        KeyedRecords.consume(record, StoreIntegrationChanged.class, snapshot -> "snapshot of store " + snapshot.storeId(),
                snapshot -> {
                    // A refusal here is a malformed record (thrown at once), never retried as an outage.
                    requireTokenOfItsDomain(snapshot);
                    if (keeper.applied(snapshot)) {
                        LOG.debugf("store %d snapshot version %d applied", snapshot.storeId(), snapshot.version());
                    }
                });
    }

    /**
     * The sealed token must open for the snapshot's own store and domain (both are bound into the sealing): one paired
     * with another domain would send the token there, so the snapshot is refused (dead letter), never used. A key this
     * service was not given is no proof of anything: that snapshot is kept and fails when the store is called.
     */
    private void requireTokenOfItsDomain(StoreIntegrationChanged snapshot) {
        if (snapshot.encryptedToken() == null || !crypto.knowsKey(snapshot.keyId())) {
            return;
        }
        try {
            crypto.decrypt(snapshot.storeId(), snapshot.domain(),
                    new EncryptedToken(snapshot.keyId(), snapshot.encryptedToken()));
        } catch (TokenDecryptionException e) {
            throw new MalformedEventException("the sealed token of store " + snapshot.storeId()
                    + " does not open for domain " + snapshot.domain() + ": not sealed for this store and domain");
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
