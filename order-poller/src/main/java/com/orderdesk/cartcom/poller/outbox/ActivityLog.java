package com.orderdesk.cartcom.poller.outbox;

import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.model.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

/** Activity for the merchant (last poll, last error, import progress), written to the outbox with the change it reports. */
@ApplicationScoped
public class ActivityLog {
    public static final String POLL = ActivityKinds.POLL;
    public static final String POLL_FAILED = ActivityKinds.POLL_FAILED;
    public static final String IMPORT_PROGRESS = ActivityKinds.IMPORT_PROGRESS;
    public static final String IMPORT_COMPLETED = ActivityKinds.IMPORT_COMPLETED;
    public static final String IMPORT_FAILED = ActivityKinds.IMPORT_FAILED;
    public static final String ORDERS_FOUND = ActivityKinds.COUNT_ORDERS_FOUND;

    private final Outbox outbox;

    public ActivityLog(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long storeId, String kind, ActivityRecorded.Level level, String message, UUID importId, Long ordersFound) {
        ActivityRecorded event = ActivityRecorded.of(storeId, kind, level, message);
        if (importId != null) {
            event = event.withImportId(importId);
        }
        if (ordersFound != null) {
            event = event.withCounts(Map.of(ORDERS_FOUND, ordersFound));
        }
        outbox.add(Topics.INTEGRATION_ACTIVITY, event);
    }
}
