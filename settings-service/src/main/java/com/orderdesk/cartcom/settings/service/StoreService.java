package com.orderdesk.cartcom.settings.service;

import com.orderdesk.cartcom.kit.rest.ApiException;
import com.orderdesk.cartcom.model.auth.ApiKeys;
import com.orderdesk.cartcom.settings.entity.CartcomConnection;
import com.orderdesk.cartcom.settings.entity.CartcomSettings;
import com.orderdesk.cartcom.settings.config.MerchantLimits;
import com.orderdesk.cartcom.settings.entity.Folder;
import com.orderdesk.cartcom.settings.entity.ManualImport;
import com.orderdesk.cartcom.settings.entity.Store;
import com.orderdesk.cartcom.settings.outbox.SnapshotPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Creating and deleting stores and managing their folders. Names and time zones arrive checked by the constraints of
 * the resource's requests (a name of at most {@value #MAX_NAME_LENGTH} characters, a known time zone).
 */
@ApplicationScoped
public class StoreService {
    public static final int MAX_NAME_LENGTH = 200;
    static final String DEFAULT_TIMEZONE = "UTC";

    private final SnapshotPublisher snapshots;
    private final OrderStatusCache statusCache;
    private final EntityManager entityManager;
    private final MerchantLimits limits;

    StoreService(SnapshotPublisher snapshots, OrderStatusCache statusCache, EntityManager entityManager,
                 MerchantLimits limits) {
        this.snapshots = snapshots;
        this.statusCache = statusCache;
        this.entityManager = entityManager;
        this.limits = limits;
    }

    /** The new store and its API key, which exists only in this answer (the database keeps its hash). */
    public record CreatedStore(Store store, String apiKey) {
    }

    @Transactional
    public CreatedStore create(String name, String timezone) {
        String apiKey = ApiKeys.generate();
        Store store = new Store();
        store.name = name.trim();
        store.timezone = ZoneId.of(timezone == null || timezone.isBlank() ? DEFAULT_TIMEZONE : timezone.trim()).getId();
        store.apiKeyHash = ApiKeys.hash(apiKey);
        store.createdAt = Instant.now();
        store.persist();

        Folder first = null;
        for (String folderName : Folder.DEFAULT_NAMES) {
            Folder folder = newFolder(store.id, folderName);
            if (first == null) {
                first = folder;
            }
        }
        CartcomSettings.defaults(store.id, first.id).persist();
        snapshots.publish(store);
        return new CreatedStore(store, apiKey);
    }

    public Store get(long storeId) {
        Store store = Store.findById(storeId);
        if (store == null) {
            throw ApiException.notFound("store");
        }
        return store;
    }

    public List<Folder> folders(long storeId) {
        return Folder.ofStore(storeId);
    }

    @Transactional
    public Folder addFolder(long storeId, String name) {
        String trimmed = name.trim();
        Store store = lock(storeId);
        if (Folder.nameTaken(storeId, trimmed)) {
            throw new ApiException(409, "folder_exists", "The store already has a folder named " + trimmed);
        }
        if (Folder.count("storeId", storeId) >= limits.maxFoldersPerStore()) {
            throw new ApiException(422, "too_many_folders",
                    "A store has at most " + limits.maxFoldersPerStore() + " folders; delete one first");
        }
        Folder folder = newFolder(storeId, trimmed);
        snapshots.publish(store);
        return folder;
    }

    /**
     * Deletes the store and everything it owns here, and publishes its tombstone in the same transaction, so that
     * every service stops acting for it. Taking the store's lock first orders the tombstone after every snapshot.
     */
    @Transactional
    public void delete(long storeId) {
        Store store = lock(storeId);
        entityManager.createNativeQuery("DELETE FROM activity WHERE store_id = ?1").setParameter(1, storeId)
                .executeUpdate();
        ManualImport.delete("storeId", storeId);
        CartcomSettings.delete("storeId", storeId);
        CartcomConnection.delete("storeId", storeId);
        Folder.delete("storeId", storeId);
        store.delete();
        snapshots.publishTombstone(storeId);
        statusCache.forget(storeId);
    }

    /** The store, locked for this transaction (see Store.lockForUpdate). */
    public static Store lock(long storeId) {
        return Store.lockForUpdate(storeId).orElseThrow(() -> ApiException.notFound("store"));
    }

    private static Folder newFolder(long storeId, String name) {
        Folder folder = new Folder();
        folder.storeId = storeId;
        folder.name = name;
        folder.createdAt = Instant.now();
        folder.persist();
        return folder;
    }
}
