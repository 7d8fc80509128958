package com.orderdesk.cartcom.settings;

import static com.orderdesk.cartcom.settings.support.Activities.at;
import static com.orderdesk.cartcom.settings.support.Activities.header;
import static com.orderdesk.cartcom.settings.support.Activities.publish;
import static com.orderdesk.cartcom.settings.support.Activities.theDeadLetter;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.devstack.ConnectionDropper;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded.Level;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.DeadLetterValueSerializer;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.EventHeaders;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.settings.support.Api.TestStore;
import com.orderdesk.cartcom.settings.support.Api;
import com.orderdesk.cartcom.settings.support.ServiceTestBase;
import com.orderdesk.cartcom.settings.support.Topic;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActivityAndStatusTest extends ServiceTestBase {

    @Test
    void activityOfEveryServiceIsKeptOnceAndListedNewestFirst() {
        TestStore store = Api.configuredStore();
        Instant t0 = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        ActivityRecorded poll = at(ActivityRecorded.of(store.id(), "poll", Level.info, "Found 2 orders"), t0);
        ActivityRecorded imported = at(ActivityRecorded.of(store.id(), "order_imported", Level.info, "Imported order 1001"),
                t0.plusSeconds(1)).withCartOrderId(1001L).withOrderId(55L);
        publish(poll);
        publish(imported);
        publish(imported); // redelivered: kept once

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                store.as().get(store.cartcom("/activity")).then().statusCode(200).body("", hasSize(2)));
        store.as().get(store.cartcom("/activity")).then()
                .body("[0].kind", equalTo("order_imported"))
                .body("[0].level", equalTo("info"))
                .body("[0].message", equalTo("Imported order 1001"))
                .body("[0].cart_order_id", equalTo(1001))
                .body("[0].order_id", equalTo(55))
                .body("[0].at", equalTo(imported.occurredAt().toString()))
                .body("[1].kind", equalTo("poll"))
                .body("[1].cart_order_id", nullValue());
        store.as().get(store.cartcom("/activity?limit=1")).then().body("", hasSize(1)).body("[0].kind", equalTo("order_imported"));
    }

    @Test
    void theStatusIsComputedFromTheActivity() {
        TestStore store = Api.configuredStore();
        store.as().get(store.cartcom("/status")).then().statusCode(200)
                .body("connected", equalTo(true)).body("enabled", equalTo(true))
                .body("last_poll_at", nullValue()).body("last_error", nullValue())
                .body("orders_imported", equalTo(0));

        Instant t0 = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        publish(at(ActivityRecorded.of(store.id(), "poll", Level.info, "ok"), t0));
        publish(at(ActivityRecorded.of(store.id(), "order_imported", Level.info, "Imported 1"), t0.plusSeconds(1)));
        publish(at(ActivityRecorded.of(store.id(), "order_imported", Level.info, "Imported 2"), t0.plusSeconds(2)));
        publish(at(ActivityRecorded.of(store.id(), "status_update", Level.warn, "retrying"), t0.plusSeconds(3))
                .withCounts(Map.of(ActivityKinds.COUNT_STATUS_UPDATES_PENDING, 4L)));
        publish(at(ActivityRecorded.of(store.id(), "shipment_sync", Level.info, "synced"), t0.plusSeconds(4))
                .withCounts(Map.of(ActivityKinds.COUNT_SHIPMENTS_PENDING, 2L)));
        publish(at(ActivityRecorded.of(store.id(), "status_update", Level.info, "caught up"), t0.plusSeconds(5))
                .withCounts(Map.of(ActivityKinds.COUNT_STATUS_UPDATES_PENDING, 1L)));
        publish(at(ActivityRecorded.of(store.id(), ActivityKinds.POLL_FAILED, Level.error, "Cart.com answered 500"),
                t0.plusSeconds(6)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                store.as().get(store.cartcom("/status")).then().statusCode(200)
                        .body("last_poll_at", equalTo(t0.plusSeconds(6).toString()))
                        .body("last_success_at", equalTo(t0.toString()))
                        .body("last_error.at", equalTo(t0.plusSeconds(6).toString()))
                        .body("last_error.code", equalTo(ActivityKinds.POLL_FAILED))
                        .body("last_error.message", equalTo("Cart.com answered 500"))
                        .body("orders_imported", equalTo(2))
                        .body("status_updates_pending", equalTo(1))
                        .body("shipments_pending", equalTo(2)));
    }

    @Test
    void anIntegrationThatKeepsFailingShowsItAndStaysOn() {
        TestStore store = Api.configuredStore();
        Instant t0 = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        publish(at(ActivityRecorded.of(store.id(), ActivityKinds.POLL, Level.info, "Found 0 orders"), t0));
        for (int i = 1; i <= 3; i++) {
            publish(at(ActivityRecorded.of(store.id(), ActivityKinds.POLL_FAILED, Level.error,
                    "Cart.com answered 500 (attempt " + i + ")"), t0.plusSeconds(i)));
        }
        publish(at(ActivityRecorded.of(store.id(), ActivityKinds.STATUS_UPDATE_FAILED, Level.error,
                "Could not set status 2 on Cart.com order 1001: rejected"), t0.plusSeconds(4))
                .withCartOrderId(1001L).withOrderId(71L));
        publish(at(ActivityRecorded.of(store.id(), ActivityKinds.SHIPMENT_SYNC_FAILED, Level.error,
                "Shipment 9 of order 72 could not be sent to Cart.com"), t0.plusSeconds(5))
                .withCartOrderId(1002L).withOrderId(72L));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                store.as().get(store.cartcom("/status")).then().statusCode(200)
                        .body("connected", equalTo(true))
                        .body("enabled", equalTo(true))
                        .body("last_success_at", equalTo(t0.toString()))
                        .body("last_poll_at", equalTo(t0.plusSeconds(3).toString()))
                        .body("consecutive_poll_failures", equalTo(3))
                        .body("failing_since", equalTo(t0.plusSeconds(1).toString()))
                        .body("last_error.code", equalTo(ActivityKinds.SHIPMENT_SYNC_FAILED))
                        .body("last_error.at", equalTo(t0.plusSeconds(5).toString())));
        store.as().get(store.cartcom("/activity")).then().statusCode(200)
                .body("[0].kind", equalTo(ActivityKinds.SHIPMENT_SYNC_FAILED))
                .body("[0].level", equalTo("error"))
                .body("[0].order_id", equalTo(72))
                .body("[1].kind", equalTo(ActivityKinds.STATUS_UPDATE_FAILED))
                .body("[1].cart_order_id", equalTo(1001))
                .body("[1].message", equalTo("Could not set status 2 on Cart.com order 1001: rejected"))
                .body("[2].kind", equalTo(ActivityKinds.POLL_FAILED));
        // Nothing was switched off behind the merchant's back.
        store.as().get(store.cartcom("/settings")).then().body("enabled", equalTo(true));

        publish(at(ActivityRecorded.of(store.id(), ActivityKinds.POLL, Level.info, "Found 1 order"), t0.plusSeconds(6)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                store.as().get(store.cartcom("/status")).then()
                        .body("last_success_at", equalTo(t0.plusSeconds(6).toString()))
                        .body("consecutive_poll_failures", equalTo(0))
                        .body("failing_since", nullValue())
                        .body("last_error.code", equalTo(ActivityKinds.SHIPMENT_SYNC_FAILED)));
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndConsumptionContinues() {
        TestStore store = Api.configuredStore();
        String key = String.valueOf(store.id());
        Topic.send(Topics.INTEGRATION_ACTIVITY, key, "{\"eventType\": \"ActivityRecorded\", \"storeId\": " + key + "}");
        publish(ActivityRecorded.of(store.id(), "poll", Level.info, "after the bad one"));

        awaitOnlyActivity(store, "after the bad one");
        String reason = header(theDeadLetter(key), EventHeaders.DLQ_REASON);
        assertTrue(reason.contains("missing"), reason);
    }

    @Test
    void aRecordKeyedByAnotherStoreGoesToTheDeadLetterTopicWithTheReason() {
        TestStore store = Api.configuredStore();
        String wrongKey = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE));
        ActivityRecorded misKeyed = ActivityRecorded.of(store.id(), "poll", Level.info, "keyed by another store");
        Topic.send(Topics.INTEGRATION_ACTIVITY, wrongKey, EventCodec.write(misKeyed));
        publish(ActivityRecorded.of(store.id(), "poll", Level.info, "keyed by its store"));

        assertEquals("key " + wrongKey + " is not the store id " + store.id() + " of the payload",
                header(theDeadLetter(wrongKey), EventHeaders.DLQ_REASON));
        awaitOnlyActivity(store, "keyed by its store");
    }

    @Test
    void aBinaryRecordWhoseDeadLetterWouldBeOverOneMegabyteIsCutAndConsumptionContinues() {
        TestStore store = Api.configuredStore();
        String key = String.valueOf(store.id());
        byte[] garbage = new byte[700 * 1024];
        new Random(store.id()).nextBytes(garbage);
        // Read as a string, each invalid byte becomes a 3-byte replacement character: about 1.3 MB as UTF-8.
        int sizeAsRead = new String(garbage, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8).length;
        Topic.sendBytes(Topics.INTEGRATION_ACTIVITY, key, garbage);
        publish(ActivityRecorded.of(store.id(), "poll", Level.info, "after the binary one"));

        awaitOnlyActivity(store, "after the binary one");
        ConsumerRecord<String, String> dead = theDeadLetter(key);
        assertTrue(header(dead, EventHeaders.DLQ_REASON).startsWith("not JSON"));
        assertEquals(Integer.toString(sizeAsRead), header(dead, EventHeaders.DLQ_TRUNCATED));
        assertTrue(dead.serializedValueSize() <= DeadLetterValueSerializer.MAX_BYTES);
    }

    /**
     * PostgreSQL refuses new connections and drops every connection of this service again and again for a few seconds
     * (as in a restart or a failover) while activity arrives: each record waits for the database and is kept, none is
     * dead-lettered. Only the malformed marker sent afterwards reaches the dead-letter topic, and the consumer handles
     * a key's records in order, so a dead-lettered activity record would have come before it.
     */
    @Test
    void activityArrivingWhileTheDatabaseDropsConnectionsIsKeptNotDeadLettered() throws Exception {
        TestStore store = Api.configuredStore();
        String key = String.valueOf(store.id());
        int records = 20;
        CompletableFuture<Integer> outage = ConnectionDropper.dropFor(Duration.ofSeconds(4));
        for (int i = 0; i < records; i++) {
            publish(ActivityRecorded.of(store.id(), "poll", Level.info, "during the outage " + i));
            Thread.sleep(150);
        }
        assertTrue(outage.get() > 0, "the service's connections were dropped");
        String marker = "{\"eventType\": \"ActivityRecorded\", \"storeId\": " + key + ", \"marker\": true}";
        Topic.send(Topics.INTEGRATION_ACTIVITY, key, marker);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                store.as().get(store.cartcom("/activity?limit=100")).then().statusCode(200).body("", hasSize(records)));
        List<ConsumerRecord<String, String>> dead = Topic.readKey(Topics.dlq(Topics.INTEGRATION_ACTIVITY), key,
                found -> found.stream().anyMatch(r -> marker.equals(r.value())));
        assertEquals(List.of(marker), dead.stream().map(ConsumerRecord::value).toList(),
                "only the malformed marker is dead-lettered");
    }

    /** Waits until the store's activity is this one message alone (the consumer got past what came before it). */
    private static void awaitOnlyActivity(TestStore store, String message) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                store.as().get(store.cartcom("/activity")).then().body("message", equalTo(List.of(message))));
    }
}
