package com.orderdesk.cartcom.kit.snapshot;

import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Each consuming service's copy of the store snapshots (db/snapshots migration). A snapshot replaces the
 * stored one only if its version is newer, so redelivered or reordered records never roll a store back.
 */
public final class StoreSnapshots {
    private final DataSource dataSource;

    public StoreSnapshots(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the snapshot if newer; returns whether it was applied. */
    public boolean applyIfNewer(StoreIntegrationChanged snapshot) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "INSERT INTO store_snapshot (store_id, version, snapshot, deleted) VALUES (?, ?, ?, FALSE) "
                             + "ON CONFLICT (store_id) DO UPDATE SET version = EXCLUDED.version, "
                             + "snapshot = EXCLUDED.snapshot, deleted = FALSE, received_at = now() "
                             + "WHERE store_snapshot.version < EXCLUDED.version")) {
            upsert.setLong(1, snapshot.storeId());
            upsert.setLong(2, snapshot.version());
            upsert.setString(3, EventCodec.write(snapshot));
            return upsert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store snapshot of store " + snapshot.storeId(), e);
        }
    }

    /** A tombstone: the store was deleted; its snapshot is kept, marked deleted, so no service acts on it. */
    public void markDeleted(long storeId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE store_snapshot SET deleted = TRUE, received_at = now() WHERE store_id = ?")) {
            update.setLong(1, storeId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark store " + storeId + " deleted", e);
        }
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
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT store_id, snapshot FROM store_snapshot WHERE store_id = ANY (?) AND NOT deleted")) {
            select.setArray(1, connection.createArrayOf("bigint", storeIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), Optional.of(EventCodec.read(rs.getString(2), StoreIntegrationChanged.class)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read snapshots of stores " + storeIds, e);
        }
    }

    /** The newest snapshot of a store that was not deleted. */
    public Optional<StoreIntegrationChanged> find(long storeId) {
        return findAll(List.of(storeId)).get(storeId);
    }
}
