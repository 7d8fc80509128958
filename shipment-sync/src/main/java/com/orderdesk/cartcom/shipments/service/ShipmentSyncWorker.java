package com.orderdesk.cartcom.shipments.service;

import com.orderdesk.cartcom.shipments.config.ShipmentSyncConfig;
import com.orderdesk.cartcom.shipments.repository.ClaimedShipment;
import com.orderdesk.cartcom.shipments.repository.ShipmentSyncRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends due shipments to Cart.com. Several instances can run side by side: each claims its own rows
 * ({@code FOR UPDATE SKIP LOCKED} plus a lease), so a shipment is worked on by one instance at a time.
 */
@ApplicationScoped
public class ShipmentSyncWorker {
    private static final Logger LOG = Logger.getLogger(ShipmentSyncWorker.class);

    private final ShipmentSyncRepository shipments;
    private final ShipmentSender sender;
    private final ShipmentSyncConfig config;

    ShipmentSyncWorker(ShipmentSyncRepository shipments, ShipmentSender sender, ShipmentSyncConfig config) {
        this.shipments = shipments;
        this.sender = sender;
        this.config = config;
    }

    @Scheduled(identity = "shipment-sync-worker", every = "${shipment-sync.worker-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void syncDueShipments() {
        // A full batch may leave more due behind it: claim again at once rather than a whole interval later (each
        // claimed row is leased, and one its store had no call slot for is due only at the slot's time).
        while (syncBatch() == config.batchSize()) {
            LOG.debug("a full batch of shipments synced; claiming the next at once");
        }
    }

    /** Claims and syncs up to one batch of due shipments; returns how many were claimed. */
    private int syncBatch() {
        List<ClaimedShipment> claimed;
        try {
            claimed = shipments.claimDue(config.batchSize(), config.lease());
        } catch (RuntimeException e) {
            LOG.warnf("cannot claim due shipments: %s", e.getMessage());
            return 0;
        }
        for (ClaimedShipment shipment : claimed) {
            try {
                sender.sync(shipment);
            } catch (RuntimeException e) {
                // Unexpected (database down, a bug): the lease runs out and the shipment is tried again.
                LOG.errorf(e, "shipment %d of store %d: attempt %d aborted", shipment.shipmentId(),
                        shipment.storeId(), shipment.attempts());
            }
        }
        return claimed.size();
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
