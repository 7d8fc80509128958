package com.orderdesk.cartcom.poller.service;

import com.orderdesk.cartcom.model.events.ActivityRecorded.Level;
import com.orderdesk.cartcom.poller.outbox.ActivityLog;
import com.orderdesk.cartcom.poller.repository.ImportRequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.UUID;

/** The database side of a manual import: state change and the activity that reports it, together. */
@ApplicationScoped
public class ImportOutcomes {
    private final ImportRequestRepository imports;
    private final ActivityLog activity;

    public ImportOutcomes(ImportRequestRepository imports, ActivityLog activity) {
        this.imports = imports;
        this.activity = activity;
    }

    @Transactional
    public void progress(long storeId, UUID importId, String message, long ordersFound) {
        activity.record(storeId, ActivityLog.IMPORT_PROGRESS, Level.info, message, importId, ordersFound);
    }

    @Transactional
    public void completed(long storeId, UUID importId, String owner, long ordersFound) {
        if (imports.finish(importId, owner, "completed", ordersFound, null)) {
            activity.record(storeId, ActivityLog.IMPORT_COMPLETED, Level.info,
                    "Manual import finished: " + ordersFound + (ordersFound == 1 ? " order" : " orders") + " found",
                    importId, ordersFound);
        }
    }

    @Transactional
    public void failed(long storeId, UUID importId, String owner, long ordersFound, String message) {
        if (imports.finish(importId, owner, "failed", ordersFound, message)) {
            activity.record(storeId, ActivityLog.IMPORT_FAILED, Level.error, "Manual import failed: " + message,
                    importId, ordersFound);
        }
    }

    @Transactional
    public void retryLater(UUID importId, String owner, Duration retryIn, String message) {
        imports.retryLater(importId, owner, retryIn, message);
    }
}
