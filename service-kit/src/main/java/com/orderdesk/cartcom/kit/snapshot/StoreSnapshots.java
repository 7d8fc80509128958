package com.orderdesk.cartcom.kit.snapshot;

import com.orderdesk.cartcom.kit.jdbc.Sql;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each consuming service's copy of the store snapshots (db/snapshots migration). A snapshot replaces the
 * stored one only if its version is newer, so redelivered or reordered records never roll a store back.
 */
@Singleton
public final class StoreSnapshots {
    private final Sql sql;

    public StoreSnapshots(Sql sql) {
        this.sql = sql;
    }

    /** Stores the snapshot if newer; returns whether it was applied. */
    public boolean applyIfNewer(StoreIntegrationChanged snapshot) {
        return sql.update("INSERT INTO store_snapshot (store_id, version, snapshot, deleted) VALUES (?, ?, ?, FALSE) "
                        + "ON CONFLICT (store_id) DO UPDATE SET version = EXCLUDED.version, "
                        + "snapshot = EXCLUDED.snapshot, deleted = FALSE, received_at = now() "
                        + "WHERE store_snapshot.version < EXCLUDED.version",
                snapshot.storeId(), snapshot.version(), EventCodec.write(snapshot)) == 1;
    }

    /** A tombstone: the store was deleted; its snapshot is kept, marked deleted, so no service acts on it. */
    public void markDeleted(long storeId) {
        sql.update("UPDATE store_snapshot SET deleted = TRUE, received_at = now() WHERE store_id = ?", storeId);
    }

    /**
     * The newest snapshots of many stores that were not deleted, in one query: every id asked for is a key, with an
     * empty value for a store that is unknown or deleted.
     */
    public Map<Long, Optional<StoreIntegrationChanged>> findAll(Collection<Long> storeIds) {
        Map<Long, Optional<StoreIntegrationChanged>> found = new HashMap<>();
        storeIds.forEach(id -> found.put(id, Optional.empty()));
        if (storeIds.isEmpty()) {
            return found;
        }
        sql.query("SELECT store_id, snapshot FROM store_snapshot WHERE store_id = ANY (?) AND NOT deleted",
                        rs -> Map.entry(rs.getLong(1), EventCodec.read(rs.getString(2), StoreIntegrationChanged.class)),
                        (Object) storeIds.toArray(Long[]::new))
                .forEach(snapshot -> found.put(snapshot.getKey(), Optional.of(snapshot.getValue())));
        return found;
    }

    /** The newest snapshot of a store that was not deleted. */
    public Optional<StoreIntegrationChanged> find(long storeId) {
        return findAll(List.of(storeId)).get(storeId);
    }
}
