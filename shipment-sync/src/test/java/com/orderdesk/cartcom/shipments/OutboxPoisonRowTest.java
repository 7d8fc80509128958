package com.orderdesk.cartcom.shipments;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.kit.outbox.Outbox;
import com.orderdesk.cartcom.kit.outbox.OutboxRelay;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.Topics;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * No single outbox row blocks the outbox: a row larger than the producer's max.request.size (1 MB), committed between
 * good rows of two stores, is set aside with its reason, counted and reported to its store, and every good row around
 * it reaches Kafka, in order per store. The relay is the service's own (OutboxRelayJob, every second), against the
 * devstack's real Kafka and PostgreSQL.
 */
@QuarkusTest
class OutboxPoisonRowTest extends SandboxTestBase {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @Test
    void aRowKafkaRefusesIsSetAsideAndTheRowsBehindItAreSent() {
        long storeA = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        long storeB = storeA + 1;
        double setAsideBefore = setAsideCount();

        ActivityRecorded a1 = good(storeA, "a1");
        ActivityRecorded a2 = good(storeA, "a2");
        ActivityRecorded poison = ActivityRecorded.of(storeA, ActivityKinds.SHIPMENT_SYNCED, ActivityRecorded.Level.info,
                "x".repeat(2 * 1024 * 1024));
        ActivityRecorded b1 = good(storeB, "b1");
        ActivityRecorded a3 = good(storeA, "a3");
        // One transaction, in this order: the relay claims them together, the oversized row between good ones.
        write(List.of(a1, a2, poison, b1, a3));
        // And a later transaction: the outbox keeps going after the poison row.
        ActivityRecorded b2 = good(storeB, "b2");
        write(List.of(b2));

        List<UUID> goodA = List.of(a1.eventId(), a2.eventId(), a3.eventId());
        List<UUID> goodB = List.of(b1.eventId(), b2.eventId());
        assertEquals(goodA, sentIds(storeA, goodA.size(), WAIT), "store A's good rows, in order");
        assertEquals(goodB, sentIds(storeB, goodB.size(), WAIT), "store B's good rows, in order");

        // The poison row: set aside with its reason, never sent.
        await().atMost(WAIT).until(() -> row(poison.eventId()).get("set_aside_at") != null);
        Map<String, String> aside = row(poison.eventId());
        assertNull(aside.get("sent_at"));
        assertEquals("1", aside.get("attempts"));
        String reason = aside.get("last_error");
        assertTrue(reason.contains("RecordTooLargeException") && reason.contains("max.request.size"), reason);
        assertTrue(kafka.read(Topics.INTEGRATION_ACTIVITY, r -> r.key().equals(Long.toString(storeA))
                        && r.value().contains(poison.eventId().toString()), 1, Duration.ofSeconds(2)).isEmpty(),
                "the oversized event never reached Kafka");

        // Counted once, by topic.
        await().atMost(WAIT).until(() -> setAsideCount() >= setAsideBefore + 1);
        assertEquals(setAsideBefore + 1, setAsideCount());

        // The store's activity log says so, naming the event type and the reason.
        List<ConsumerRecord<String, String>> reported = kafka.read(Topics.INTEGRATION_ACTIVITY,
                r -> r.key().equals(Long.toString(storeA)) && ActivityKinds.OUTBOX_EVENT_SET_ASIDE.equals(
                        EventCodec.read(r.value(), ActivityRecorded.class).kind()), 1, WAIT);
        assertEquals(1, reported.size());
        ActivityRecorded activity = EventCodec.read(reported.get(0).value(), ActivityRecorded.class);
        assertEquals(storeA, activity.storeId());
        assertEquals(ActivityRecorded.Level.error, activity.level());
        assertTrue(activity.message().contains(ActivityRecorded.TYPE)
                && activity.message().contains("RecordTooLargeException"), activity.message());
        assertTrue(activity.message().length() <= 500, "a short message");

        // Nothing of the two stores is left unsent but the set-aside row.
        await().atMost(WAIT).until(() -> count("sent_at IS NULL AND set_aside_at IS NULL", storeA, storeB) == 0);
        assertEquals(1, count("sent_at IS NULL", storeA, storeB));
        assertEquals(1, count("set_aside_at IS NOT NULL", storeA, storeB));
        // Sent once each: the batch was not failed and resent because of the poison row (read for one more, briefly).
        assertEquals(goodA, sentIds(storeA, goodA.size() + 1, Duration.ofSeconds(3)), "store A's good rows, once");
        assertEquals(goodB, sentIds(storeB, goodB.size() + 1, Duration.ofSeconds(3)), "store B's good rows, once");
    }

    private static ActivityRecorded good(long storeId, String label) {
        return ActivityRecorded.of(storeId, ActivityKinds.SHIPMENT_SYNCED, ActivityRecorded.Level.info,
                "outbox poison row test: " + label);
    }

    /** The events as outbox rows through the kit's writer, in one transaction and in the order given. */
    private void write(List<ActivityRecorded> events) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection()) {
                Outbox.addBatch(connection, events.stream()
                        .map(e -> Outbox.Row.of(Topics.INTEGRATION_ACTIVITY, e)).toList());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The event ids of the store's test rows on the activity topic, in the order Kafka has them. */
    private static List<UUID> sentIds(long storeId, int atLeast, Duration within) {
        List<ConsumerRecord<String, String>> found = kafka.read(Topics.INTEGRATION_ACTIVITY,
                r -> r.key().equals(Long.toString(storeId)) && r.value().contains("outbox poison row test"),
                atLeast, within);
        return found.stream().map(r -> EventCodec.read(r.value(), ActivityRecorded.class).eventId()).toList();
    }

    private double setAsideCount() {
        Counter counter = metrics.find(OutboxRelay.SET_ASIDE_METRIC).tag("topic", Topics.INTEGRATION_ACTIVITY).counter();
        return counter == null ? 0 : counter.count();
    }

    private Map<String, String> row(UUID id) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT sent_at, set_aside_at, attempts, last_error FROM outbox_event WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next(), "outbox row " + id);
                Map<String, String> row = new HashMap<>();
                for (String column : List.of("sent_at", "set_aside_at", "attempts", "last_error")) {
                    row.put(column, rs.getString(column));
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String condition, long storeA, long storeB) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE record_key IN (?, ?) AND " + condition)) {
            select.setString(1, Long.toString(storeA));
            select.setString(2, Long.toString(storeB));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
