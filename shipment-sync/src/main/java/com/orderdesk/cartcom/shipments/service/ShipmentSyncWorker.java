package com.orderdesk.cartcom.shipments.service;

import com.orderdesk.cartcom.kit.work.StoreLanes;
import com.orderdesk.cartcom.shipments.config.ShipmentSyncConfig;
import com.orderdesk.cartcom.shipments.repository.ClaimedShipment;
import com.orderdesk.cartcom.shipments.repository.ShipmentSyncRepository;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends due shipments to Cart.com. Several instances can run side by side: each claims its own rows
 * ({@code FOR UPDATE SKIP LOCKED} plus a lease), so a shipment is worked on by one instance at a time.
 *
 * <p>Claimed on the kit's {@link StoreLanes}, like the importer's status updates: a store on each of
 * {@code concurrency} threads, its shipments one after another in the order claimed, stores busy here left out of the
 * next claim, so a store that answers slowly or has no call slot holds up only itself and a thread that comes free
 * claims again at once. A store whose budget has no slot gives its remaining shipments back (not an attempt) until
 * the slot's time, and is claimed again then rather than at the next tick: when shipments are all that is left of a
 * store's work, every window is spent from its start.
 */
@ApplicationScoped
public class ShipmentSyncWorker {
    private static final Logger LOG = Logger.getLogger(ShipmentSyncWorker.class);
    static final String JOB = "shipment-sync-worker";

    private final ShipmentSyncRepository shipments;
    private final ShipmentSender sender;
    private final ShipmentOutcomes outcomes;
    private final ShipmentSyncConfig config;
    private final Scheduler scheduler;
    private StoreLanes<ClaimedShipment> lanes;

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
        lanes = new StoreLanes<>("shipment-sync", config.concurrency(),
                busy -> shipments.claimDue(config.batchSize(), config.lease(), busy), shipments::release,
                this::syncStore, () -> scheduler.isPaused(JOB));
    }

    @PreDestroy
    void stop() {
        // Shipments still claimed come back when their lease ends.
        lanes.close();
    }

    @Scheduled(identity = JOB, every = "${shipment-sync.worker-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void syncDueShipments() {
        lanes.claimAndStart();
    }

    /**
     * One store's claimed shipments in order, until its call budget has no slot: the rest wait for the slot, and the
     * store is claimed again then. Returns when that is (now when all were tried).
     */
    private Instant syncStore(long storeId, List<ClaimedShipment> claimed) {
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
                return slotAt.get();
            }
        }
        return Instant.now();
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
