package com.orderdesk.cartcom.settings.listener;

import com.orderdesk.cartcom.kit.consuming.DatabaseOutages;
import com.orderdesk.cartcom.kit.consuming.KeyedRecords;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.settings.repository.ActivityRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps every service's ActivityRecorded events for the merchant. Idempotent: the event id is the primary key,
 * and import progress is only applied together with a first insert. A malformed record (a record keyed by another
 * store than its payload's included) throws MalformedEventException and goes to the dead-letter topic; the consumer
 * keeps going. A database outage is waited out, each attempt in its own transaction ({@link DatabaseOutages}): an
 * activity record is never dead-lettered because PostgreSQL was restarting.
 */
@ApplicationScoped
public class ActivityListener {
    public static final String CHANNEL = "integration-activity";

    private final ActivityRepository activities;

    ActivityListener(ActivityRepository activities) {
        this.activities = activities;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onActivity(ConsumerRecord<String, String> record) {
        KeyedRecords.consume(record, ActivityRecorded.class, event -> "activity " + event.eventId(),
                event -> QuarkusTransaction.requiringNew().run(() -> activities.keep(event)));
    }
}
