package com.orderdesk.cartcom.shipments.service;

import com.orderdesk.cartcom.kit.gauge.StoreGauges;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.shipments.repository.ShipmentSyncRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Reports each store's number of pending shipments (counts {@code shipmentsPending}, shown by settings-service as
 * {@code shipments_pending}) when it has changed since the last report (the kit's {@link StoreGauges}), so the
 * activity log gets a line per change, not one per store every sweep. Shipments waiting for their order's import
 * are not counted: most of them belong to orders from other channels and will never be sent.
 */
@ApplicationScoped
public class PendingShipmentsGauge {
    private static final Logger LOG = Logger.getLogger(PendingShipmentsGauge.class);

    private final ShipmentSyncRepository shipments;
    private final StoreGauges gauges;

    PendingShipmentsGauge(ShipmentSyncRepository shipments, StoreGauges gauges) {
        this.shipments = shipments;
        this.gauges = gauges;
    }

    @Scheduled(identity = "shipment-sync-pending-gauge", every = "${shipment-sync.pending-gauge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reportChanges() {
        try {
            gauges.reportChanges(ActivityKinds.COUNT_SHIPMENTS_PENDING, shipments.pendingByStore(),
                    (store, pending) -> ActivityRecorded.of(store, ActivityKinds.SHIPMENTS_PENDING,
                                    ActivityRecorded.Level.info, pending + " shipment(s) waiting to be sent to Cart.com")
                            .withCounts(Map.of(ActivityKinds.COUNT_SHIPMENTS_PENDING, pending)));
        } catch (RuntimeException e) {
            LOG.warnf("cannot report pending shipments: %s", e.getMessage());
        }
    }
}
