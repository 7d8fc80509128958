package com.orderdesk.cartcom.settings.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Activity as the other services report it on cartcom.integration-activity.v1, and what this service dead-letters. */
public final class Activities {

    public static void publish(ActivityRecorded event) {
        Topic.send(Topics.INTEGRATION_ACTIVITY, event.key(), EventCodec.write(event));
    }

    /** The event as if it had happened at {@code at}. */
    public static ActivityRecorded at(ActivityRecorded event, Instant at) {
        return new ActivityRecorded(event.eventId(), event.eventType(), event.schemaVersion(), at, event.storeId(),
                event.kind(), event.level(), event.message(), event.cartOrderId(), event.orderId(), event.importId(),
                event.counts());
    }

    /** The one record the consumer dead-lettered under this key (fails if none arrives, or more than one). */
    public static ConsumerRecord<String, String> theDeadLetter(String key) {
        var dead = Topic.readKey(Topics.dlq(Topics.INTEGRATION_ACTIVITY), key, found -> !found.isEmpty());
        assertEquals(1, dead.size());
        return dead.get(0);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private Activities() {
    }
}
