package com.orderdesk.cartcom.settings.listener;

import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.settings.repository.ActivityLog;
import com.orderdesk.cartcom.settings.repository.ImportProgress;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps every service's ActivityRecorded events for the merchant. Idempotent: the event id is the primary key,
 * and import progress is only applied together with a first insert. A malformed record (a record keyed by another
 * store than its payload's included) throws MalformedEventException and goes to the dead-letter topic; the consumer
 * keeps going.
 */
@ApplicationScoped
public class ActivityListener {
    public static final String CHANNEL = "integration-activity";

    @Inject
    ActivityLog activityLog;

    @Inject
    ImportProgress importProgress;

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void onActivity(ConsumerRecord<String, String> record) {
        ActivityRecorded event = EventCodec.readKeyed(record.key(), record.value(), ActivityRecorded.class);
        if (activityLog.insert(event)) {
            importProgress.apply(event);
        }
    }
}
