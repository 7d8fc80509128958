package com.orderdesk.cartcom.settings.outbox;

import com.orderdesk.cartcom.model.events.Folder;
import com.orderdesk.cartcom.model.events.IntegrationEvent;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.kit.outbox.Outbox;
import com.orderdesk.cartcom.settings.entity.CartcomConnection;
import com.orderdesk.cartcom.settings.entity.CartcomSettings;
import com.orderdesk.cartcom.settings.entity.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes what the compacted settings topic carries under a store's key to the outbox, in the transaction of the
 * change: the store's full StoreIntegrationChanged snapshot, or once the store is deleted its tombstone. The caller
 * holds the store's row lock (Store.lockForUpdate), so versions are gapless per store, each snapshot contains every
 * change committed before it, and the tombstone comes after every snapshot.
 */
@ApplicationScoped
public class SnapshotPublisher {
    /** The eventType header of a tombstone (it has no body to carry one). */
    public static final String TOMBSTONE_EVENT_TYPE = "StoreDeleted";

    private final Outbox outbox;
    private final EntityManager entityManager;

    SnapshotPublisher(Outbox outbox, EntityManager entityManager) {
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StoreIntegrationChanged publish(Store store) {
        store.snapshotVersion += 1;
        // The outbox writes with JDBC: the entity changes of this transaction must be in the database first.
        entityManager.flush();
        StoreIntegrationChanged snapshot = snapshotOf(store);
        outbox.add(Topics.STORE_SETTINGS, snapshot);
        return snapshot;
    }

    /**
     * The tombstone of a deleted store: an outbox row without payload (migration V1000_1), which the relay sends as a
     * record with a null value, so compaction eventually forgets the store and consumers mark it deleted. Written in
     * the deleting transaction, like every snapshot (no dual write).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishTombstone(long storeId) {
        outbox.addTombstone(Topics.STORE_SETTINGS, String.valueOf(storeId), TOMBSTONE_EVENT_TYPE);
    }

    static StoreIntegrationChanged snapshotOf(Store store) {
        CartcomConnection connection = CartcomConnection.findById(store.id);
        CartcomSettings settings = CartcomSettings.findById(store.id);
        boolean connected = connection != null && connection.usable();
        List<Folder> folders = com.orderdesk.cartcom.settings.entity.Folder.ofStore(store.id).stream()
                .map(folder -> new Folder(folder.id, folder.name)).toList();
        return new StoreIntegrationChanged(
                UUID.randomUUID(), StoreIntegrationChanged.TYPE, IntegrationEvent.SCHEMA_VERSION, Instant.now(),
                store.id,
                store.snapshotVersion,
                connected,
                settings != null && settings.enabled,
                connection == null ? null : connection.domain,
                connected ? connection.encryptedToken : null,
                connected ? connection.tokenKeyId : null,
                store.apiKeyHash,
                store.timezone,
                settings == null ? null : settings.checkIntervalMinutes,
                settings == null ? List.of() : settings.downloadStatusIds,
                settings == null ? null : settings.folderId,
                settings == null ? null : settings.afterImportStatusId,
                settings == null ? null : settings.afterShipmentStatusId,
                settings != null && settings.syncTrackingNumbers,
                settings == null ? "" : settings.orderPrefix,
                folders,
                settings == null ? StoreIntegrationChanged.AFTER_EACH_SHIPMENT : settings.afterShipmentStatusWhen);
    }
}
