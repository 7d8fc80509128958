package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.kit.outbox.ActivityRecorder;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reports each store's "After Import, Set Status" backlog as the gauge {@link ActivityKinds#COUNT_STATUS_UPDATES_PENDING}
 * (settings-service shows the newest value as {@code status_updates_pending}). Only changes are reported, including
 * the drop to 0, so a quiet store adds nothing to its activity; the first run after a start reports every backlog.
 * Every instance counts the same table, so two instances agree.
 */
@ApplicationScoped
public class StatusBacklogGauge {
    /** Not in ActivityKinds (common-model is shared): the gauge's own activity kind. */
    public static final String KIND = ActivityKinds.STATUS_UPDATE_BACKLOG;
    private static final Logger LOG = Logger.getLogger(StatusBacklogGauge.class);

    private final StatusUpdateQueue queue;
    private final ActivityRecorder activity;
    private final Map<Long, Long> lastReported = new HashMap<>();

    StatusBacklogGauge(StatusUpdateQueue queue, ActivityRecorder activity) {
        this.queue = queue;
        this.activity = activity;
    }

    @Scheduled(identity = "status-update-backlog", every = "${importer.status-updates.gauge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            // Remembered only once committed: a failed run reports the same changes next time.
            publishChanges().forEach((store, now) -> {
                if (now == 0) {
                    lastReported.remove(store);
                } else {
                    lastReported.put(store, now);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Status update backlog not reported, will retry: %s", e.toString());
        }
    }

    /** Publishes (outbox) each store whose backlog differs from the last report; returns those backlogs. */
    @Transactional
    Map<Long, Long> publishChanges() {
        Map<Long, Long> pending = queue.pendingByStore();
        Set<Long> stores = new HashSet<>(pending.keySet());
        stores.addAll(lastReported.keySet());
        Map<Long, Long> changed = new HashMap<>();
        for (long store : stores) {
            long now = pending.getOrDefault(store, 0L);
            if (!Long.valueOf(now).equals(lastReported.get(store))) {
                changed.put(store, now);
                activity.record(ActivityRecorded.of(store, KIND, ActivityRecorded.Level.info,
                                now + " status update(s) waiting for Cart.com")
                        .withCounts(Map.of(ActivityKinds.COUNT_STATUS_UPDATES_PENDING, now)));
            }
        }
        return changed;
    }
}
