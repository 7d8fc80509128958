package com.orderdesk.cartcom.shipments;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.shipments.SandboxFixtures.Order;
import com.orderdesk.cartcom.shipments.SandboxFixtures.Store;
import com.orderdesk.cartcom.shipments.SandboxFixtures.StoreSetup;
import com.orderdesk.cartcom.shipments.repository.ShipmentState;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Passing Cart.com failures (sandbox faults): each is retried with backoff, and the shipment ends sent with
 * exactly one shipment on the Cart.com order, whether or not the failed attempt had reached it.
 */
@QuarkusTest
class ShipmentRetryTest extends SandboxTestBase {

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        Store store = fixtures.store(StoreSetup.syncing());
        Order order = fixtures.importedOrder(store);
        sandbox.setFaults(store.domain(), Map.of("error_rate", 1.0));
        ShipmentCreated shipment = fixtures.ship(store, order, List.of());

        await().atMost(WAIT).until(() -> calls(store, "POST", "/order_shipments").size() >= 2);
        assertEquals(ShipmentState.pending, shipments.stateOf(shipment.shipmentId()).orElseThrow(), "still retrying");
        sandbox.clearFaults(store.domain());

        awaitSentOnce(store, order, shipment);
        List<JsonNode> posts = calls(store, "POST", "/order_shipments");
        assertEquals(500, posts.get(0).path("status").asInt());
        assertTrue(gap(posts.get(0), posts.get(1)).compareTo(Duration.ofMillis(300)) >= 0, "backoff between attempts");
    }

    @Test
    void rateLimitsAreRetriedAfterRetryAfterInSeconds() {
        rateLimitedThenSent("seconds");
    }

    @Test
    void rateLimitsAreRetriedAfterRetryAfterAsAnHttpDate() {
        rateLimitedThenSent("http-date");
    }

    @Test
    void aTimedOutPostThatReachedCartcomIsRetriedWithoutASecondShipment() {
        Store store = fixtures.store(StoreSetup.syncing());
        Order order = fixtures.importedOrder(store);
        // The sandbox stores the shipment, then answers after 5 s; the service gives up waiting after 2 s.
        sandbox.setFaults(store.domain(), Map.of("timeout_rate", 1.0, "timeout_ms", 5000));
        ShipmentCreated shipment = fixtures.ship(store, order, List.of());

        await().atMost(WAIT).until(() -> fixtures.cartShipments(store, order).size() == 1);
        sandbox.clearFaults(store.domain());
        awaitSentOnce(store, order, shipment);
        await().atMost(WAIT).until(() -> calls(store, "POST", "/order_shipments").size() == 2);
        // The timed-out call is logged when its late answer goes out, so look it up by its fault, not its place.
        assertEquals(1, calls(store, "POST", "/order_shipments").stream()
                .filter(call -> call.path("fault").asText().equals("timeout")).count(), "one POST timed out");
    }

    private void rateLimitedThenSent(String retryAfterFormat) {
        // A 3 s window that opens at the POST: the simulated 429 says to come back when it closes.
        Store store = fixtures.store(StoreSetup.syncing().sandbox(
                Map.of("retry_after_format", retryAfterFormat, "window_seconds", 3)));
        Order order = fixtures.importedOrder(store);
        sandbox.setFaults(store.domain(), Map.of("rate_limited_rate", 1.0));
        ShipmentCreated shipment = fixtures.ship(store, order, List.of());

        await().atMost(WAIT).until(() -> !calls(store, "POST", "/order_shipments").isEmpty());
        sandbox.clearFaults(store.domain());
        awaitSentOnce(store, order, shipment);
        List<JsonNode> posts = calls(store, "POST", "/order_shipments");
        assertEquals(429, posts.get(0).path("status").asInt());
        // The backoff alone would retry after about 0.5 s (test profile); Retry-After asked for the window's end.
        Duration waited = gap(posts.get(0), posts.get(1));
        assertTrue(waited.compareTo(Duration.ofMillis(2500)) >= 0, "waited " + waited + " (Retry-After honoured)");
    }

    private void awaitSentOnce(Store store, Order order, ShipmentCreated shipment) {
        awaitState(shipment, ShipmentState.sent);
        List<JsonNode> cart = fixtures.cartShipments(store, order);
        assertEquals(1, cart.size(), "exactly one shipment at Cart.com: " + cart);
        assertEquals(SandboxFixtures.shipmentName(shipment), cart.get(0).path("shipment_name").asText());
        assertEquals(SandboxFixtures.SHIPPED_STATUS, fixtures.cartStatus(store, order));
    }

    private static Duration gap(JsonNode earlier, JsonNode later) {
        return Duration.between(Instant.parse(earlier.path("at").asText()), Instant.parse(later.path("at").asText()));
    }
}
