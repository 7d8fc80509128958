package com.orderdesk.cartcom.poller.service;

import com.orderdesk.cartcom.kit.outbox.ActivityRecorder;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.ActivityRecorded.Level;
import com.orderdesk.cartcom.poller.client.ListKey;
import com.orderdesk.cartcom.poller.repository.ImportRequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The database side of a manual import: state change and the activity that reports it, together. */
@ApplicationScoped
public class ImportOutcomes {
    private final ImportRequestRepository imports;
    private final ActivityRecorder activity;
    private final PollOutcomes pollOutcomes;

    public ImportOutcomes(ImportRequestRepository imports, ActivityRecorder activity, PollOutcomes pollOutcomes) {
        this.imports = imports;
        this.activity = activity;
        this.pollOutcomes = pollOutcomes;
    }

    /**
     * After Kafka acknowledged a page: the orders Cart.com did not give whole are held (the store's next poll, brought
     * forward, retries them and publishes them when whole), and the sweep's position and count move on. Returns false
     * if the lease was lost.
     */
    @Transactional
    public boolean pageDone(long storeId, UUID importId, String owner, Duration lease, long ordersFound, ListKey position,
                            List<HeldAttempt> held) {
        pollOutcomes.holdForImport(storeId, held);
        return imports.pageDone(importId, owner, lease, ordersFound, position);
    }

    @Transactional
    public void progress(long storeId, UUID importId, String message, long ordersFound) {
        record(storeId, importId, ActivityKinds.IMPORT_PROGRESS, Level.info, message, ordersFound);
    }

    @Transactional
    public void completed(long storeId, UUID importId, String owner, long ordersFound) {
        if (imports.finish(importId, owner, "completed", ordersFound, null)) {
            record(storeId, importId, ActivityKinds.IMPORT_COMPLETED, Level.info,
                    "Manual import finished: " + ordersFound + (ordersFound == 1 ? " order" : " orders") + " found", ordersFound);
        }
    }

    @Transactional
    public void failed(long storeId, UUID importId, String owner, long ordersFound, String message) {
        if (imports.finish(importId, owner, "failed", ordersFound, message)) {
            record(storeId, importId, ActivityKinds.IMPORT_FAILED, Level.error, "Manual import failed: " + message, ordersFound);
        }
    }

    @Transactional
    public void retryLater(UUID importId, String owner, Duration retryIn, String message) {
        imports.retryLater(importId, owner, retryIn, message);
    }

    /** An import's activity carries its import id and the orders it found so far. */
    private void record(long storeId, UUID importId, String kind, Level level, String message, long ordersFound) {
        activity.record(ActivityRecorded.of(storeId, kind, level, message).withImportId(importId)
                .withCounts(Map.of(ActivityKinds.COUNT_ORDERS_FOUND, ordersFound)));
    }
}
