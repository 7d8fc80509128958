package com.orderdesk.cartcom.poller.service;

import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.kit.snapshot.StoreSnapshotKeeper;
import com.orderdesk.cartcom.kit.snapshot.StoreSnapshots;
import com.orderdesk.cartcom.poller.repository.PollScheduleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.Optional;

/**
 * The poller's {@link StoreSnapshotKeeper}: keeps the newest snapshot per store and the store's schedule in step with
 * it, and what webhook subscriptions it should have, in one transaction.
 */
@ApplicationScoped
public class SnapshotApplier implements StoreSnapshotKeeper {
    private final StoreSnapshots snapshots;
    private final PollScheduleRepository schedule;
    private final WebhookSubscriptions webhooks;

    public SnapshotApplier(StoreSnapshots snapshots, PollScheduleRepository schedule, WebhookSubscriptions webhooks) {
        this.snapshots = snapshots;
        this.schedule = schedule;
        this.webhooks = webhooks;
    }

    /** Returns false for a stale or replayed snapshot, which changes nothing. */
    @Override
    @Transactional
    public boolean applied(StoreIntegrationChanged snapshot) {
        Optional<StoreIntegrationChanged> previous = snapshots.find(snapshot.storeId());
        if (!snapshots.applyIfNewer(snapshot)) {
            return false;
        }
        // New credentials are the merchant's answer to a pause for rejected credentials: try again at once.
        boolean credentialsChanged = previous.map(p -> !Objects.equals(p.domain(), snapshot.domain())
                || !Objects.equals(p.encryptedToken(), snapshot.encryptedToken())).orElse(true);
        schedule.applySnapshot(snapshot.storeId(), snapshot.version(), snapshot.active(), credentialsChanged);
        webhooks.follow(snapshot);
        return true;
    }

    /** A tombstone: the store was deleted; it is no longer polled. */
    @Override
    @Transactional
    public void deleted(long storeId) {
        snapshots.markDeleted(storeId);
        schedule.deactivate(storeId);
        webhooks.forget(storeId);
    }
}
