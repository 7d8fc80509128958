package com.orderdesk.cartcom.importer.rest;

import com.orderdesk.cartcom.kit.auth.StoreKeyHashes;
import com.orderdesk.cartcom.kit.snapshot.StoreSnapshots;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The stores' API key hashes for the kit's authentication, from the store snapshots: this service needs no call to
 * settings-service. A deleted or unknown store has none, so its key opens nothing (401).
 */
@ApplicationScoped
public class SnapshotKeyHashes implements StoreKeyHashes {
    private final StoreSnapshots snapshots;

    SnapshotKeyHashes(StoreSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public Optional<String> apiKeyHash(long storeId) {
        return snapshots.find(storeId).map(StoreIntegrationChanged::apiKeyHash);
    }
}
