package com.orderdesk.cartcom.kit.snapshot;

import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;

/**
 * What a service does with the store snapshots its {@link StoreSettingsListener} reads. {@link SnapshotCopy} (keep
 * the newest snapshot, mark a deleted store) serves a service that needs nothing more; a service that keeps more in
 * step with a store (the poller's schedule) provides its own bean.
 */
public interface StoreSnapshotKeeper {
    /** Keeps the snapshot if it is newer than the one held; returns whether it was applied. */
    boolean applied(StoreIntegrationChanged snapshot);

    /** The store was deleted: nothing may act on it any more. */
    void deleted(long storeId);
}
