package com.orderdesk.cartcom.shipments.repository;

import com.orderdesk.cartcom.kit.jdbc.Sql;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.kit.snapshot.StoreSnapshotKeeper;
import com.orderdesk.cartcom.kit.snapshot.StoreSnapshots;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * shipment-sync's store snapshots: kept through {@link StoreSnapshots} (this is the service's
 * {@link StoreSnapshotKeeper}) and read telling "deleted" (a tombstone: never sync) apart from "not seen yet" (the
 * snapshot topic may lag behind the shipment topic: wait).
 */
@ApplicationScoped
public class StoreSnapshotRepository implements StoreSnapshotKeeper {
    private final Sql sql;
    private final StoreSnapshots snapshots;

    StoreSnapshotRepository(Sql sql, StoreSnapshots snapshots) {
        this.sql = sql;
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
        sql.update("INSERT INTO store_snapshot (store_id, version, snapshot, deleted) VALUES (?, 0, '', TRUE) "
                        + "ON CONFLICT (store_id) DO UPDATE SET deleted = TRUE, received_at = now()",
                storeId);
    }

    public StoreView view(long storeId) {
        Optional<StoreIntegrationChanged> live = snapshots.find(storeId);
        if (live.isPresent()) {
            return new Known(live.get());
        }
        boolean deleted = sql.queryFirst("SELECT deleted FROM store_snapshot WHERE store_id = ?",
                rs -> rs.getBoolean(1), storeId).orElse(false);
        return deleted ? new Deleted() : new Unknown();
    }
}
