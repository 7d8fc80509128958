package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.kit.gauge.StoreGauges;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Reports each store's "After Import, Set Status" backlog as the gauge {@link ActivityKinds#COUNT_STATUS_UPDATES_PENDING}
 * (settings-service shows the newest value as {@code status_updates_pending}) when it changes, the drop to 0
 * included; the kit's {@link StoreGauges} keeps the value last reported, so two instances report a change once.
 */
@ApplicationScoped
public class StatusBacklogGauge {
    /** The gauge's own activity kind. */
    public static final String KIND = ActivityKinds.STATUS_UPDATE_BACKLOG;
    private static final Logger LOG = Logger.getLogger(StatusBacklogGauge.class);

    private final StatusUpdateQueue queue;
    private final StoreGauges gauges;

    StatusBacklogGauge(StatusUpdateQueue queue, StoreGauges gauges) {
        this.queue = queue;
        this.gauges = gauges;
    }

    @Scheduled(identity = "status-update-backlog", every = "${importer.status-updates.gauge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            gauges.reportChanges(ActivityKinds.COUNT_STATUS_UPDATES_PENDING, queue.pendingByStore(),
                    (store, pending) -> ActivityRecorded.of(store, KIND, ActivityRecorded.Level.info,
                                    pending + " status update(s) waiting for Cart.com")
                            .withCounts(Map.of(ActivityKinds.COUNT_STATUS_UPDATES_PENDING, pending)));
        } catch (RuntimeException e) {
            LOG.warnf("Status update backlog not reported, will retry: %s", e.toString());
        }
    }
}
