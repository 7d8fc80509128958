package com.orderdesk.cartcom.shipments.service;

import com.orderdesk.cartcom.kit.outbox.ActivityRecorder;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.shipments.repository.PendingGaugeRepository;
import com.orderdesk.cartcom.shipments.repository.PendingGaugeRepository.StoreCount;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Reports each store's number of pending shipments (counts {@code shipmentsPending}, shown by settings-service as
 * {@code shipments_pending}) when it has changed since the last report, so the activity log gets a line per
 * change, not one per store every sweep. Shipments waiting for their order's import are not counted: most of
 * them belong to orders from other channels and will never be sent.
 */
@ApplicationScoped
public class PendingShipmentsGauge {
    private static final Logger LOG = Logger.getLogger(PendingShipmentsGauge.class);

    private final PendingGaugeRepository gauge;
    private final ActivityRecorder activity;

    PendingShipmentsGauge(PendingGaugeRepository gauge, ActivityRecorder activity) {
        this.gauge = gauge;
        this.activity = activity;
    }

    @Scheduled(identity = "shipment-sync-pending-gauge", every = "${shipment-sync.pending-gauge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reportChanges() {
        try {
            for (StoreCount count : gauge.changed()) {
                report(count);
            }
        } catch (RuntimeException e) {
            LOG.warnf("cannot report pending shipments: %s", e.getMessage());
        }
    }

    /** The new value and its activity commit together, so a value is reported once and never lost. */
    @Transactional
    public void report(StoreCount count) {
        gauge.markReported(count);
        activity.record(ActivityRecorded.of(count.storeId(), ActivityKinds.SHIPMENTS_PENDING,
                        ActivityRecorded.Level.info, count.pending() + " shipment(s) waiting to be sent to Cart.com")
                .withCounts(Map.of(ActivityKinds.COUNT_SHIPMENTS_PENDING, count.pending())));
    }
}
