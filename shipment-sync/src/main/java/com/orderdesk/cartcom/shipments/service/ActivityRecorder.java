package com.orderdesk.cartcom.shipments.service;

import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.model.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Activity for the merchant's log, written to the outbox in the caller's transaction (never a dual write). */
@ApplicationScoped
public class ActivityRecorder {
    public static final String SHIPMENT_SYNCED = ActivityKinds.SHIPMENT_SYNCED;
    public static final String SHIPMENT_SKIPPED = ActivityKinds.SHIPMENT_SKIPPED;
    public static final String SHIPMENT_SYNC_FAILED = ActivityKinds.SHIPMENT_SYNC_FAILED;
    /** The pending-shipments gauge (counts shipmentsPending). Not in ActivityKinds yet: belongs there. */
    public static final String SHIPMENTS_PENDING = ActivityKinds.SHIPMENTS_PENDING;

    private final Outbox outbox;

    ActivityRecorder(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ActivityRecorded activity) {
        outbox.add(Topics.INTEGRATION_ACTIVITY, activity);
    }
}
