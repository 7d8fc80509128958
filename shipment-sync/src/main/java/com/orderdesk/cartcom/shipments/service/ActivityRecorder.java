package com.orderdesk.cartcom.shipments.service;

import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.model.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Activity for the merchant's log, written to the outbox in the caller's transaction (never a dual write). */
@ApplicationScoped
public class ActivityRecorder {
    public static final String SHIPMENT_SYNCED = "shipment_synced";
    public static final String SHIPMENT_SKIPPED = "shipment_skipped";
    public static final String SHIPMENT_SYNC_FAILED = "shipment_sync_failed";

    private final Outbox outbox;

    ActivityRecorder(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ActivityRecorded activity) {
        outbox.add(Topics.INTEGRATION_ACTIVITY, activity);
    }
}
