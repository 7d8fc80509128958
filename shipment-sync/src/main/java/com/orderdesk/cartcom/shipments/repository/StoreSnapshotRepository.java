package com.orderdesk.cartcom.shipments.repository;

import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.kit.snapshot.StoreSnapshotKeeper;
import com.orderdesk.cartcom.kit.snapshot.StoreSnapshots;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * shipment-sync's store snapshots: kept through {@link StoreSnapshots} (this is the service's
 * {@link StoreSnapshotKeeper}) and read telling "deleted" (a tombstone: never sync) apart from "not seen yet" (the
 * snapshot topic may lag behind the shipment topic: wait).
 */
@ApplicationScoped
public class StoreSnapshotRepository implements StoreSnapshotKeeper {
    private final AgroalDataSource dataSource;
    private final StoreSnapshots snapshots;

    StoreSnapshotRepository(AgroalDataSource dataSource, StoreSnapshots snapshots) {
        this.dataSource = dataSource;
        this.snapshots = snapshots;
    }

    public sealed interface StoreView permits Unknown, Deleted, Known {
    }

    public record Unknown() implements StoreView {
    }

    public record Deleted() implements StoreView {
    }

    public record Known(StoreIntegrationChanged snapshot) implements StoreView {
    }

    /**
     * A tombstone. Unlike {@link StoreSnapshots#markDeleted} this also records a store this service never saw, so
     * its shipments are skipped instead of waiting for a snapshot that will not come. A placeholder row has
     * version 0, so only a real snapshot (which the compacted topic orders before its tombstone) replaces it.
     */
    @Override
    public boolean applied(StoreIntegrationChanged snapshot) {
        return snapshots.applyIfNewer(snapshot);
    }

    @Override
    public void deleted(long storeId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "INSERT INTO store_snapshot (store_id, version, snapshot, deleted) VALUES (?, 0, '', TRUE) "
                             + "ON CONFLICT (store_id) DO UPDATE SET deleted = TRUE, received_at = now()")) {
            upsert.setLong(1, storeId);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark store " + storeId + " deleted", e);
        }
    }

    public StoreView view(long storeId) {
        Optional<StoreIntegrationChanged> live = snapshots.find(storeId);
        if (live.isPresent()) {
            return new Known(live.get());
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT deleted FROM store_snapshot WHERE store_id = ?")) {
            select.setLong(1, storeId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() && rs.getBoolean(1) ? new Deleted() : new Unknown();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read snapshot of store " + storeId, e);
        }
    }
}
