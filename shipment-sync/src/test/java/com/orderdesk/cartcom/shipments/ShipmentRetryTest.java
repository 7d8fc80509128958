package com.orderdesk.cartcom.shipments;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.devstack.SandboxControl;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.shipments.SandboxFixtures.Order;
import com.orderdesk.cartcom.shipments.SandboxFixtures.Store;
import com.orderdesk.cartcom.shipments.SandboxFixtures.StoreSetup;
import com.orderdesk.cartcom.shipments.repository.ShipmentState;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Passing Cart.com failures (sandbox faults): each is retried with backoff, and the shipment ends sent with
 * exactly one shipment on the Cart.com order, whether or not the failed attempt had reached it.
 */
@QuarkusTest
class ShipmentRetryTest extends SandboxTestBase {
    @Inject
    AgroalDataSource dataSource;

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

    /**
     * Issue 15: each store's Cart.com answers as a hostile or broken server would, all at once, on the worker that
     * serves every store: each hostile store's shipment stays pending with the classified failure as its last error
     * (a redirect, never followed, fails at once and is reported), one shipment at most reaches Cart.com once the server
     * heals, and a healthy store's shipments keep being sent within the worker's interval all along.
     */
    @Test
    void aHostileServerHoldsUpOnlyItsOwnShipments() {
        Store healthy = fixtures.store(StoreSetup.syncing());
        Map<String, Consumer<String>> attacks = sandbox.singleCallAttacks("seconds");
        Map<String, Store> stores = new LinkedHashMap<>();
        Map<String, Order> orders = new LinkedHashMap<>();
        Map<String, ShipmentCreated> sent = new LinkedHashMap<>();
        attacks.forEach((attack, arm) -> {
            Store store = fixtures.store(StoreSetup.syncing());
            Order order = fixtures.importedOrder(store);
            arm.accept(store.domain());
            stores.put(attack, store);
            orders.put(attack, order);
            sent.put(attack, fixtures.ship(store, order, List.of()));
        });
        try {
            sentWithinTheInterval(healthy);
            Map<String, String> outcomes = new LinkedHashMap<>();
            sent.forEach((attack, shipment) -> {
                // The Retry-After store's first call may be its shipping providers: its 429 stops the store's budget.
                await().atMost(WAIT).until(() -> attack.startsWith("Retry-After")
                        ? !sandbox.calls(stores.get(attack).domain()).isEmpty()
                                && nextAttemptAt(shipment).isAfter(Instant.now().plus(Duration.ofMinutes(50)))
                        : !calls(stores.get(attack), "POST", "/order_shipments").isEmpty() && lastError(shipment) != null);
                outcomes.put(attack, shipments.stateOf(shipment.shipmentId()).orElseThrow() + ", " + lastError(shipment));
                System.out.printf("[hostile] %s: %s%n", attack, outcomes.get(attack));
                assertEquals(attack.contains("redirect") ? ShipmentState.failed : ShipmentState.pending,
                        shipments.stateOf(shipment.shipmentId()).orElseThrow(), attack);
            });
            sentWithinTheInterval(healthy);
            assertTrue(outcomes.get("a 50 MB answer").contains("larger than 8388608 bytes"), outcomes.toString());
            assertTrue(outcomes.get("a redirect to an internal address").contains("307"), outcomes.toString());
            assertTrue(outcomes.get("headers dribbled byte by byte").contains("within"), outcomes.toString());
            // Ten years of Retry-After waits an hour at the most (cartcom.max-retry-after), after one call: the store's
            // budget holds every later call of it, the shipment's included, for that hour.
            Instant next = nextAttemptAt(sent.get("Retry-After of ten years"));
            assertTrue(next.isAfter(Instant.now().plus(Duration.ofMinutes(50)))
                    && next.isBefore(Instant.now().plus(Duration.ofMinutes(61))), "next attempt at " + next);
            assertEquals(1, sandbox.calls(stores.get("Retry-After of ten years").domain()).size(),
                    "one call, then the hour Cart.com asked for, whichever service asks");
            assertEquals(1, calls(stores.get("a redirect to an internal address"), "POST", "/order_shipments").size(),
                    "a redirect is not retried");
        } finally {
            stores.values().forEach(store -> sandbox.clearHostile(store.domain()));
        }
        // Healed: the shipments whose answers were huge or dribbled (the POST had reached Cart.com) end sent, with
        // exactly one shipment on the order.
        for (String attack : List.of("a 50 MB answer", "headers dribbled byte by byte")) {
            awaitState(sent.get(attack), ShipmentState.sent);
            assertEquals(1, fixtures.cartShipments(stores.get(attack), orders.get(attack)).size(), attack);
        }
    }

    /**
     * Issue 20: a store whose window holds fewer calls than its shipments need (4 a window here, the sandbox's custom
     * limit): what has no slot waits for the store's next window, not counted as an attempt and never answered 429,
     * and every shipment ends sent once with its status; another store's shipment goes out meanwhile, not behind it.
     */
    @Test
    void shipmentsBeyondTheStoresWindowWaitForTheNextOneWithoutA429() {
        Store tight = fixtures.store(StoreSetup.syncing().sandbox(Map.of("rate_limit", 4)));
        List<Order> orders = List.of(fixtures.importedOrder(tight), fixtures.importedOrder(tight),
                fixtures.importedOrder(tight));
        // The shipping providers and three shipments with their status: 7 calls at least, two windows.
        List<ShipmentCreated> sent = orders.stream().map(order -> fixtures.ship(tight, order, List.of())).toList();
        Store other = fixtures.store(StoreSetup.syncing());
        Order otherOrder = fixtures.importedOrder(other);
        ShipmentCreated otherShipment = fixtures.ship(other, otherOrder, List.of());

        awaitState(otherShipment, ShipmentState.sent);
        assertTrue(sent.stream().anyMatch(shipment -> shipments.stateOf(shipment.shipmentId())
                .orElseThrow() == ShipmentState.pending), "the other store did not wait for the tight store's window");
        for (int i = 0; i < sent.size(); i++) {
            awaitSentOnce(tight, orders.get(i), sent.get(i));
            assertEquals(1, column(sent.get(i), "attempts", Integer.class), "waiting for a slot is not an attempt");
        }
        assertEquals(0, sandbox.callers(tight.domain()).stream().mapToLong(SandboxControl.CallerCount::rateLimited).sum(),
                "no call beyond the store's window");
        JsonNode calls = sandbox.calls(tight.domain());
        Duration spread = Duration.between(Instant.parse(calls.get(0).path("at").asText()),
                Instant.parse(calls.get(calls.size() - 1).path("at").asText()));
        assertTrue(spread.compareTo(Duration.ofSeconds(10)) >= 0, calls.size() + " calls within " + spread);
    }

    /** A shipment of the healthy store is sent within the worker's interval (1 s in tests) plus a little. */
    private void sentWithinTheInterval(Store store) {
        Order order = fixtures.importedOrder(store);
        Instant before = Instant.now();
        ShipmentCreated shipment = fixtures.ship(store, order, List.of());
        awaitState(shipment, ShipmentState.sent);
        Duration took = Duration.between(before, Instant.now());
        System.out.printf("[hostile] healthy store %s: shipment sent after %d ms%n", store.domain(), took.toMillis());
        assertTrue(took.compareTo(Duration.ofSeconds(5)) <= 0, "the healthy store's shipment took " + took);
    }

    private String lastError(ShipmentCreated shipment) {
        return column(shipment, "last_error", String.class);
    }

    private Instant nextAttemptAt(ShipmentCreated shipment) {
        return column(shipment, "next_attempt_at", java.sql.Timestamp.class).toInstant();
    }

    private <T> T column(ShipmentCreated shipment, String column, Class<T> type) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM shipment_sync WHERE shipment_id = ?")) {
            s.setLong(1, shipment.shipmentId());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1, type) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
