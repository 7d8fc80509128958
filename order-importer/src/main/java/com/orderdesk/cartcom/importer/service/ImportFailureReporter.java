package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.kit.outbox.ActivityRecorder;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Reports an order that went to the dead-letter topic as {@code order_failed} activity with the order, so the
 * merchant sees it and a manual import counts it (importId). In its own transaction: the import's has rolled back.
 */
@ApplicationScoped
public class ImportFailureReporter {
    private final ActivityRecorder activity;

    ImportFailureReporter(ActivityRecorder activity) {
        this.activity = activity;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void reportFailed(long storeId, long cartOrderId, UUID importId, String reason) {
        activity.record(ActivityRecorded.of(storeId, ActivityKinds.ORDER_FAILED, ActivityRecorded.Level.error,
                        "Could not import Cart.com order " + cartOrderId + ": " + reason)
                .withCartOrderId(cartOrderId).withImportId(importId));
    }
}
