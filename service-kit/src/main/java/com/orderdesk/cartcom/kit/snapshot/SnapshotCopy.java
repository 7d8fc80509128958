package com.orderdesk.cartcom.kit.snapshot;

import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** The plain {@link StoreSnapshotKeeper}: the service's copy of the newest snapshot per store, nothing more. */
@DefaultBean
@ApplicationScoped
public class SnapshotCopy implements StoreSnapshotKeeper {
    private final StoreSnapshots snapshots;

    SnapshotCopy(StoreSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public boolean applied(StoreIntegrationChanged snapshot) {
        return snapshots.applyIfNewer(snapshot);
    }

    @Override
    public void deleted(long storeId) {
        snapshots.markDeleted(storeId);
    }
}
