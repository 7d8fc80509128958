package com.orderdesk.cartcom.shipments.service;

import com.orderdesk.cartcom.kit.outbox.ActivityRecorder;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.shipments.repository.ClaimedShipment;
import com.orderdesk.cartcom.shipments.repository.ShipmentState;
import com.orderdesk.cartcom.shipments.repository.ShipmentSyncRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Writes the end of an attempt, each in its own transaction with its activity event. Runs after the Cart.com
 * calls, so a crash before this commit only repeats the (idempotent) upsert once the lease runs out.
 */
@ApplicationScoped
public class ShipmentOutcomes {
    private static final Logger LOG = Logger.getLogger(ShipmentOutcomes.class);

    private final ShipmentSyncRepository shipments;
    private final ActivityRecorder activity;

    ShipmentOutcomes(ShipmentSyncRepository shipments, ActivityRecorder activity) {
        this.shipments = shipments;
        this.activity = activity;
    }

    @Transactional
    public void sent(ClaimedShipment claimed, long cartOrderId, String message) {
        if (shipments.finish(claimed, ShipmentState.sent, null)) {
            activity.record(ActivityRecorded.of(claimed.storeId(), ActivityKinds.SHIPMENT_SYNCED,
                    ActivityRecorded.Level.info, message).withOrderId(claimed.orderId()).withCartOrderId(cartOrderId));
        } else {
            leaseLost(claimed);
        }
    }

    @Transactional
    public void skipped(ClaimedShipment claimed, Long cartOrderId, String reason) {
        if (shipments.finish(claimed, ShipmentState.skipped, reason)) {
            activity.record(ActivityRecorded.of(claimed.storeId(), ActivityKinds.SHIPMENT_SKIPPED,
                            ActivityRecorded.Level.info, "Shipment " + claimed.shipmentId() + " was not sent to Cart.com: "
                                    + reason)
                    .withOrderId(claimed.orderId()).withCartOrderId(cartOrderId));
        } else {
            leaseLost(claimed);
        }
    }

    @Transactional
    public void failed(ClaimedShipment claimed, Long cartOrderId, String reason) {
        if (shipments.finish(claimed, ShipmentState.failed, reason)) {
            LOG.warnf("shipment %d of store %d failed: %s", claimed.shipmentId(), claimed.storeId(), reason);
            activity.record(ActivityRecorded.of(claimed.storeId(), ActivityKinds.SHIPMENT_SYNC_FAILED,
                            ActivityRecorded.Level.error, "Shipment " + claimed.shipmentId()
                                    + " could not be sent to Cart.com: " + reason)
                    .withOrderId(claimed.orderId()).withCartOrderId(cartOrderId));
        } else {
            leaseLost(claimed);
        }
    }

    /** A retryable failure: stays pending until {@code at}; the merchant is told only if it finally fails. */
    @Transactional
    public void retryAt(ClaimedShipment claimed, Instant at, String reason) {
        if (shipments.retryAt(claimed, at, reason)) {
            LOG.infof("shipment %d of store %d will be retried at %s (attempt %d): %s", claimed.shipmentId(),
                    claimed.storeId(), at, claimed.attempts(), reason);
        } else {
            leaseLost(claimed);
        }
    }

    /** Back to pending until {@code at} without counting the claim as an attempt: no call was made. */
    public void retryWithoutAttempt(ClaimedShipment claimed, Instant at, String reason) {
        if (shipments.retryWithoutAttempt(claimed, at, reason)) {
            LOG.debugf("shipment %d of store %d waits for a call slot until %s", claimed.shipmentId(), claimed.storeId(), at);
        } else {
            leaseLost(claimed);
        }
    }

    private static void leaseLost(ClaimedShipment claimed) {
        LOG.warnf("shipment %d: lease lost to another worker, its outcome is theirs to record", claimed.shipmentId());
    }
}
