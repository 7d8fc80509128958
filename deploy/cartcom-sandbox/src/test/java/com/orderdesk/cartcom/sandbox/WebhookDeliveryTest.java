package com.orderdesk.cartcom.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store calls its subscribers when orders are placed or change status, off the API's request thread. */
@QuarkusTest
class WebhookDeliveryTest {

    @Test
    void newOrdersAndStatusChangesReachTheirSubscribers() throws Exception {
        try (WebhookSubscriber subscriber = new WebhookSubscriber()) {
            SandboxClient.Store store = SandboxClient.newStore();
            subscribe(store, "NewOrder", subscriber.url("/new"), Map.of());
            subscribe(store, "NewValidOrder", subscriber.url("/valid"), Map.of());
            subscribe(store, "OrderStatusChanged", subscriber.url("/status"), Map.of());

            long placed = store.seed(1, 5L).get(0);
            List<WebhookSubscriber.Received> calls = List.of(subscriber.next(5), subscriber.next(5));
            assertEquals(List.of("/new", "/valid"), calls.stream().map(WebhookSubscriber.Received::path).sorted().toList());
            for (WebhookSubscriber.Received call : calls) {
                assertEquals(placed, call.orderId());
                assertEquals("application/json", call.contentType());
                assertTrue(call.body().get("order").has("grand_total"), "the order model: " + call.body());
            }

            store.api().contentType("application/json").body(Map.of("order_status_id", 2))
                    .put("/orders/" + placed + "/status").then().statusCode(200);
            WebhookSubscriber.Received changed = subscriber.next(5);
            assertEquals("/status", changed.path());
            assertEquals(placed, changed.orderId());
            assertEquals(1, changed.body().get("old_status").get("id").asInt());
            assertEquals("Pending Processing", changed.body().get("old_status").get("name").asText());
            assertEquals(2, changed.body().get("new_status").get("id").asInt());
            assertEquals(2, changed.body().get("order").get("order_status_id").asInt());

            // A cancelled order is new but not valid; the merchant's status change in the console fires too.
            long cancelled = store.control().body(Map.of("order_status_id", 4)).post("/orders")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
            WebhookSubscriber.Received newCancelled = subscriber.next(5);
            assertEquals("/new", newCancelled.path());
            assertEquals(cancelled, newCancelled.orderId());
            store.control().body(Map.of("order_status_id", 1)).put("/orders/" + cancelled + "/status")
                    .then().statusCode(200);
            WebhookSubscriber.Received reopened = subscriber.next(5);
            assertEquals("/status", reopened.path());
            assertEquals(4, reopened.body().get("old_status").get("id").asInt());

            JsonPath log = awaitDeliveries(store, 5);
            assertEquals(List.of(200, 200, 200, 200, 200), log.getList("deliveries.status"));
            assertEquals(0, log.getList("deliveries.findAll { it.event_type == 'NewValidOrder' && it.order_id == "
                    + cancelled + " }").size());
            // Rows are written as calls finish, on several threads: find them rather than count on their order.
            assertEquals(subscriber.url("/status"), log.getString("deliveries.find { it.order_id == " + cancelled
                    + " && it.event_type == 'OrderStatusChanged' }.url"));
            assertEquals(2, log.getList("deliveries.findAll { it.order_id == " + placed + " && it.event_type != "
                    + "'OrderStatusChanged' }").size());
            assertNotNull(Instant.parse(log.getString("deliveries[0].at")));
            store.control().delete("/webhooks").then().statusCode(204);
            store.control().get("/webhooks").then().body("deliveries.size()", equalTo(0))
                    .body("subscriptions.size()", equalTo(3));
        }
    }

    @Test
    void fallbackIsCalledAfterAFailureAndIgnoreCallsNothingMore() throws Exception {
        try (WebhookSubscriber subscriber = new WebhookSubscriber()) {
            SandboxClient.Store store = SandboxClient.newStore();
            subscribe(store, "NewOrder", subscriber.url("/fail-primary"),
                    Map.of("failure_type", "Fallback", "fallback_url", subscriber.url("/fallback")));
            store.seed(1, 1L);
            assertEquals("/fail-primary", subscriber.next(5).path());
            assertEquals("/fallback", subscriber.next(5).path());
            JsonPath log = awaitDeliveries(store, 2);
            assertEquals(List.of(500, 200), log.getList("deliveries.status"));

            SandboxClient.Store ignoring = SandboxClient.newStore();
            subscribe(ignoring, "NewOrder", subscriber.url("/fail-ignored"), Map.of());
            ignoring.seed(1, 1L);
            assertEquals("/fail-ignored", subscriber.next(5).path());
            assertEquals(List.of(500), awaitDeliveries(ignoring, 1).getList("deliveries.status"));
        }
    }

    @Test
    void aHangingSubscriberNeverSlowsTheOrderApiAndTimesOutAfterThreeSeconds() throws Exception {
        try (WebhookSubscriber subscriber = new WebhookSubscriber()) {
            SandboxClient.Store store = SandboxClient.newStore();
            subscribe(store, "NewOrder", subscriber.url("/hang"), Map.of());
            subscribe(store, "OrderStatusChanged", subscriber.url("/hang"), Map.of());
            long started = System.nanoTime();
            long id = store.control().body(Map.of()).post("/orders").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            store.api().contentType("application/json").body(Map.of("order_status_id", 2))
                    .put("/orders/" + id + "/status").then().statusCode(200);
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertTrue(tookMs < 1500, "create and status change took " + tookMs + " ms");

            JsonPath log = awaitDeliveries(store, 2);
            assertEquals(List.of("timeout", "timeout"), log.getList("deliveries.error"));
            assertNull(log.get("deliveries[0].status"));
            assertTrue(log.getLong("deliveries[0].duration_ms") >= 2900, log.prettify());
        }
    }

    @Test
    void droppedAndDuplicatedDeliveriesShowAtTheSubscriberAndInTheLog() throws Exception {
        try (WebhookSubscriber subscriber = new WebhookSubscriber()) {
            SandboxClient.Store store = SandboxClient.newStore();
            subscribe(store, "NewOrder", subscriber.url("/new"), Map.of());
            store.control().body(Map.of("drop_rate", 1)).put("/webhook-faults").then().statusCode(200)
                    .body("drop_rate", equalTo(1.0f));
            store.seed(2, 1L);
            JsonPath dropped = awaitDeliveries(store, 2);
            assertEquals(List.of("dropped", "dropped"), dropped.getList("deliveries.fault"));

            store.control().body(Map.of("duplicate_rate", 1, "seed", 7)).put("/webhook-faults").then().statusCode(200);
            long twice = store.seed(1, 2L).get(0);
            // Had the dropped ones been sent, they would be here first.
            assertEquals(twice, subscriber.next(5).orderId());
            assertEquals(twice, subscriber.next(5).orderId());
            JsonPath log = awaitDeliveries(store, 4);
            assertEquals("duplicated", log.getString("deliveries[3].fault"));
            assertEquals(0, subscriber.pending());
        }
    }

    @Test
    void delayedAndReorderedDeliveries() throws Exception {
        try (WebhookSubscriber subscriber = new WebhookSubscriber()) {
            SandboxClient.Store store = SandboxClient.newStore();
            subscribe(store, "NewOrder", subscriber.url("/new"), Map.of());
            store.control().body(Map.of("delay_ms", 700)).put("/webhook-faults").then().statusCode(200);
            long placedAt = System.nanoTime();
            store.seed(1, 1L);
            WebhookSubscriber.Received late = subscriber.next(5);
            assertTrue(late.atNanos() - placedAt >= 700_000_000L, "arrived after " + (late.atNanos() - placedAt) + " ns");
            assertEquals("delayed", awaitDeliveries(store, 1).getString("deliveries[0].fault"));

            store.control().body(Map.of("reorder", true)).put("/webhook-faults").then().statusCode(200);
            long first = store.seed(1, 2L).get(0);
            long second = store.seed(1, 3L).get(0);
            assertEquals(second, subscriber.next(5).orderId());
            assertEquals(first, subscriber.next(5).orderId());
            // Alone, a held delivery still goes out after the hold time.
            long alone = store.seed(1, 4L).get(0);
            assertEquals(alone, subscriber.next(5).orderId());
            JsonPath log = awaitDeliveries(store, 4);
            assertEquals(second, log.getLong("deliveries[1].order_id"));
            assertNull(log.get("deliveries[1].fault"));
            assertEquals("reordered", log.getString("deliveries[2].fault"));
            assertEquals("reordered", log.getString("deliveries[3].fault"));
        }
    }

    @Test
    void aFloodOfCallsToAHangingSubscriberOverflowsTheQueueAndTheApiStaysFast() throws Exception {
        SandboxClient.Store store = SandboxClient.newStore();
        try (WebhookSubscriber subscriber = new WebhookSubscriber()) {
            subscribe(store, "NewOrder", subscriber.url("/hang"), Map.of());
            // 8 threads hang 3 s each, 1,000 calls may wait: of 1,100 new orders at least 92 find no room.
            store.control().body(Map.of("count", 1100, "seed", 1)).post("/orders/seed").then().statusCode(201);
            JsonPath log = store.control().get("/webhooks").then().extract().jsonPath();
            assertTrue(log.getList("deliveries.findAll { it.fault == 'dropped_overflow' }").size() >= 92,
                    "overflow rows: " + log.getList("deliveries.fault").stream().filter(f -> f != null).count());
            long started = System.nanoTime();
            store.api().get("/orders?count=1").then().statusCode(200);
            assertTrue(System.nanoTime() - started < 1_000_000_000L, "the API waits for no webhook");
        }
        // The subscriber is gone: what waited fails fast; the log ends with those 1,000 attempts (it keeps 1,000).
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<Object> faults;
        do {
            Thread.sleep(100);
            faults = store.control().get("/webhooks").then().extract().jsonPath().getList("deliveries.fault");
        } while (faults.contains("dropped_overflow") && System.nanoTime() < deadline);
        assertEquals(1000, faults.size());
        assertTrue(faults.stream().allMatch(f -> f == null), "every queued call was made");
    }

    @Test
    void resetForgetsSubscriptionsAndTheDeliveriesStillWaiting() throws Exception {
        try (WebhookSubscriber subscriber = new WebhookSubscriber()) {
            SandboxClient.Store before = SandboxClient.newStore();
            subscribe(before, "NewOrder", subscriber.url("/before-reset"), Map.of());
            before.control().body(Map.of("delay_ms", 300)).put("/webhook-faults").then().statusCode(200);
            before.seed(1, 1L);
            given().post("/_sandbox/reset").then().statusCode(204);

            SandboxClient.Store after = SandboxClient.newStore();
            subscribe(after, "NewOrder", subscriber.url("/after-reset"), Map.of());
            after.control().body(Map.of("delay_ms", 1000)).put("/webhook-faults").then().statusCode(200);
            after.seed(1, 1L);
            // The forgotten store's call was due 700 ms before this one.
            assertEquals("/after-reset", subscriber.next(5).path());
            assertEquals(0, subscriber.pending());
        }
    }

    @Test
    void badWebhookFaultsAreRefusedAndChangeNothing() {
        SandboxClient.Store store = SandboxClient.newStore();
        store.control().body(Map.of("delay_ms", 50)).put("/webhook-faults").then().statusCode(200);
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("drop_rate", 1.5),
                Map.of("duplicate_rate", -0.1), Map.of("delay_ms", -1))) {
            store.control().body(bad).put("/webhook-faults").then().statusCode(400).body("error", equalTo("bad_request"));
        }
        store.control().get("/webhook-faults").then().body("delay_ms", equalTo(50)).body("reorder", equalTo(false));
        store.control().delete("/webhook-faults").then().statusCode(204);
        store.control().get("/webhook-faults").then().body("delay_ms", equalTo(0));
    }

    private static void subscribe(SandboxClient.Store store, String eventType, String url, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("event_type", eventType);
        body.put("url", url);
        store.api().contentType("application/json").body(body).post("/webhooks").then().statusCode(201);
    }

    /** The delivery log once it holds at least this many rows (deliveries finish off the request thread). */
    private static JsonPath awaitDeliveries(SandboxClient.Store store, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            JsonPath log = store.control().get("/webhooks").then().statusCode(200).extract().jsonPath();
            if (log.getList("deliveries").size() >= count || System.nanoTime() > deadline) {
                assertNotNull(log.get("deliveries[" + (count - 1) + "]"), "expected " + count + " deliveries: " + log.prettify());
                return log;
            }
            Thread.sleep(20);
        }
    }
}
