package com.orderdesk.cartcom.shipments.service;

import com.orderdesk.cartcom.kit.work.WorkerThreads;
import com.orderdesk.cartcom.shipments.config.ShipmentSyncConfig;
import com.orderdesk.cartcom.shipments.repository.ClaimedShipment;
import com.orderdesk.cartcom.shipments.repository.ShipmentSyncRepository;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Sends due shipments to Cart.com. Several instances can run side by side: each claims its own rows
 * ({@code FOR UPDATE SKIP LOCKED} plus a lease), so a shipment is worked on by one instance at a time.
 *
 * <p>The stores of a claimed batch go side by side, up to {@code concurrency} at once, each store's shipments one after
 * another in the order claimed: within a batch a store that answers slowly or has no call slot holds up only itself,
 * and many stores each spend their own call budget in the same window. The next batch is claimed when the slowest
 * store of this one is done (at most its Cart.com timeout per shipment). A store whose budget has no slot gives its remaining
 * shipments back (not an attempt) until the slot's time, and the worker wakes up then rather than at its next tick:
 * when shipments are all that is left of a store's work, every window is spent from its start.
 */
@ApplicationScoped
public class ShipmentSyncWorker {
    private static final Logger LOG = Logger.getLogger(ShipmentSyncWorker.class);
    static final String JOB = "shipment-sync-worker";
    /** A wake-up comes this much after a slot's time, so the database's clock has also reached it when claiming. */
    private static final Duration WAKE_UP_LATE_BY = Duration.ofMillis(20);

    private final ShipmentSyncRepository shipments;
    private final ShipmentSender sender;
    private final ShipmentOutcomes outcomes;
    private final ShipmentSyncConfig config;
    private final Scheduler scheduler;

    /** Held while batches are claimed and sent; {@link #wanted} says someone asked meanwhile. */
    private final ReentrantLock syncing = new ReentrantLock();
    private final AtomicBoolean wanted = new AtomicBoolean();
    /** A store on each thread; wake-ups run the worker at a store's next slot instead of its next tick. */
    private WorkerThreads storeLanes;

    ShipmentSyncWorker(ShipmentSyncRepository shipments, ShipmentSender sender, ShipmentOutcomes outcomes,
                       ShipmentSyncConfig config, Scheduler scheduler) {
        this.shipments = shipments;
        this.sender = sender;
        this.outcomes = outcomes;
        this.config = config;
        this.scheduler = scheduler;
    }

    @PostConstruct
    void start() {
        storeLanes = new WorkerThreads("shipment-sync", config.concurrency());
    }

    @PreDestroy
    void stop() {
        // Shipments still claimed come back when their lease ends.
        storeLanes.close();
    }

    @Scheduled(identity = JOB, every = "${shipment-sync.worker-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void syncDueShipments() {
        wanted.set(true);
        // Whoever holds the lock sees the wish and claims once more; nobody waits for the lock.
        while (wanted.get() && syncing.tryLock()) {
            try {
                wanted.set(false);
                // A full batch may leave more due behind it: claim again at once rather than a tick later.
                while (syncBatch() == config.batchSize()) {
                    LOG.debug("a full batch of shipments synced; claiming the next at once");
                }
            } finally {
                syncing.unlock();
            }
        }
    }

    /** Claims and syncs up to one batch of due shipments, its stores side by side; returns how many were claimed. */
    private int syncBatch() {
        List<ClaimedShipment> claimed;
        try {
            claimed = shipments.claimDue(config.batchSize(), config.lease());
        } catch (RuntimeException e) {
            LOG.warnf("cannot claim due shipments: %s", e.getMessage());
            return 0;
        }
        Map<Long, List<ClaimedShipment>> byStore = new LinkedHashMap<>();
        for (ClaimedShipment shipment : claimed) {
            byStore.computeIfAbsent(shipment.storeId(), store -> new ArrayList<>()).add(shipment);
        }
        List<Future<?>> lanes = new ArrayList<>();
        try {
            for (List<ClaimedShipment> storeShipments : byStore.values()) {
                lanes.add(storeLanes.submit(() -> syncStore(storeShipments)));
            }
            for (Future<?> lane : lanes) {
                lane.get();
            }
        } catch (RejectedExecutionException e) {
            return 0; // stopping: the leases bring the rest back after the restart
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException e) {
            LOG.errorf(e.getCause(), "syncing a store's shipments stopped; its leases bring them back");
        }
        return claimed.size();
    }

    /** One store's claimed shipments in order, until its call budget has no slot: the rest wait for the slot. */
    private void syncStore(List<ClaimedShipment> claimed) {
        for (int i = 0; i < claimed.size(); i++) {
            ClaimedShipment shipment = claimed.get(i);
            Optional<Instant> slotAt;
            try {
                slotAt = sender.sync(shipment);
            } catch (RuntimeException e) {
                // Unexpected (database down, a bug): the lease runs out and the shipment is tried again.
                LOG.errorf(e, "shipment %d of store %d: attempt %d aborted", shipment.shipmentId(),
                        shipment.storeId(), shipment.attempts());
                continue;
            }
            if (slotAt.isPresent()) {
                for (ClaimedShipment waiting : claimed.subList(i + 1, claimed.size())) {
                    outcomes.retryWithoutAttempt(waiting, slotAt.get(), "the store's Cart.com call budget has no slot"
                            + " before " + slotAt.get());
                }
                wakeUpAt(slotAt.get());
                return;
            }
        }
    }

    /** Runs the worker at {@code at} (a store's next slot), unless the job is paused or the worker stopping. */
    private void wakeUpAt(Instant at) {
        storeLanes.wakeUpAt(at.plus(WAKE_UP_LATE_BY), () -> {
            if (!scheduler.isPaused(JOB)) {
                syncDueShipments();
            }
        });
    }

    /** Retires shipments whose order never came from Cart.com (see shipment-sync.order-wait-expiry). */
    @Scheduled(identity = "shipment-sync-wait-expiry", every = "${shipment-sync.expiry-sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireWaitingShipments() {
        try {
            int expired = shipments.expireWaiting(config.orderWaitExpiry());
            if (expired > 0) {
                LOG.infof("%d shipment(s) waited %s for an order that never came from Cart.com: skipped", expired,
                        config.orderWaitExpiry());
            }
        } catch (RuntimeException e) {
            LOG.warnf("cannot expire waiting shipments: %s", e.getMessage());
        }
    }
}
