package com.orderdesk.cartcom.kit.outbox;

import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Activity for the merchant's log (cartcom.integration-activity.v1), written to the outbox in the caller's
 * transaction: it is published if and only if the change it reports commits (never a dual write).
 */
@ApplicationScoped
public class ActivityRecorder {
    private final Outbox outbox;

    ActivityRecorder(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ActivityRecorded activity) {
        outbox.add(Topics.INTEGRATION_ACTIVITY, activity);
    }

    /**
     * The same in a transaction of its own, for a failure the merchant must see although the work it reports rolled
     * back (an order sent to the dead-letter topic). (Not through {@link #record}: a call within the bean would
     * skip its transaction boundary.)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAlone(ActivityRecorded activity) {
        outbox.add(Topics.INTEGRATION_ACTIVITY, activity);
    }
}
