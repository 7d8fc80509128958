package com.orderdesk.cartcom.importer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.devstack.CartcomSandbox;
import com.orderdesk.cartcom.devstack.CartcomSandboxTestResource;
import com.orderdesk.cartcom.devstack.DevStackTestResource;
import com.orderdesk.cartcom.devstack.SandboxControl;
import com.orderdesk.cartcom.importer.support.CartcomFixtures;
import com.orderdesk.cartcom.importer.support.KafkaTestClient;
import com.orderdesk.cartcom.importer.support.SandboxOrders;
import com.orderdesk.cartcom.kit.gauge.StoreGauge;
import com.orderdesk.cartcom.kit.gauge.StoreGauges;
import com.orderdesk.cartcom.kit.jdbc.Sql;
import com.orderdesk.cartcom.model.auth.ApiKeys;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * "After Import, Set Status" against the Cart.com sandbox over real HTTP: retries with backoff through 429s (both
 * Retry-After forms) and 500s, permanent 404 and 409 recorded and reported, pending updates resumed after a stop,
 * and the backlog gauge. What counts is what Cart.com ends up with and what its call log shows.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "importer"))
@QuarkusTestResource(value = CartcomSandboxTestResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusUpdatesAtCartcomTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final long APPROVED = 2;
    private static final long SHIPPED = 3;
    private static final AtomicLong NEXT_STORE = new AtomicLong(System.currentTimeMillis() % 10_000_000L * 10 + 500_000_000L);

    @Inject
    TokenCrypto crypto;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Scheduler scheduler;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final SandboxControl sandbox = CartcomSandbox.control();
    private KafkaTestClient kafka;

    @BeforeAll
    void connect() {
        kafka = new KafkaTestClient(bootstrap);
    }

    @AfterAll
    void close() {
        kafka.close();
    }

    /** A sandbox store connected to a fresh Order Desk store that sets {@code afterImportStatus} after import. */
    private record Store(long id, String domain, String token, String apiKey) {
    }

    private Store connectedStore(Map<String, Object> sandboxSettings, long afterImportStatus) {
        SandboxControl.SandboxStore at = sandbox.createStore(sandboxSettings);
        String apiKey = ApiKeys.generate();
        Store store = new Store(NEXT_STORE.incrementAndGet(), at.domain(), at.token(), apiKey);
        kafka.send(Topics.STORE_SETTINGS, String.valueOf(store.id), EventCodec.write(CartcomFixtures.store(store.id, 1,
                apiKey, store.domain, store.token, crypto, afterImportStatus, "CC-")));
        // Orders and settings travel on different topics: wait until the importer knows the store.
        await().atMost(WAIT).untilAsserted(() -> given().header(ApiKeys.STORE_ID_HEADER, String.valueOf(store.id))
                .header(ApiKeys.API_KEY_HEADER, apiKey).get("/api/v1/stores/{id}/orders", store.id).then().statusCode(200));
        return store;
    }

    /** Reads the order from the sandbox as the poller would. */
    private CartOrderFetched fetch(Store store, long cartOrderId) {
        return SandboxOrders.fetch(store.id, store.domain, store.token, cartOrderId, null);
    }

    private void send(CartOrderFetched fetched) {
        kafka.send(Topics.ORDERS_RAW, String.valueOf(fetched.storeId()), EventCodec.write(fetched));
    }

    private void importFromSandbox(Store store, long cartOrderId) {
        send(fetch(store, cartOrderId));
    }

    private long seedOne(Store store) {
        return sandbox.seedOrders(store.domain, 1, 1).get(0);
    }

    @Test
    void a429WithRetryAfterInSecondsIsWaitedOut() {
        retryAfterIsHonoured("seconds");
    }

    @Test
    void a429WithRetryAfterAsAnHttpDateIsWaitedOut() {
        retryAfterIsHonoured("http-date");
    }

    /**
     * Five calls per 2-second window and twelve orders to acknowledge: the worker rests when an answer says the
     * window is used up (X-AC-Call-Limit 5/5) and one of its calls opened it, so Cart.com never answers 429 and each
     * order costs one call. Without the rest, the sixth call of each window is a 429.
     */
    @Test
    void aUsedUpCallWindowIsWaitedOutWithoutA429() {
        Store store = connectedStore(Map.of("rate_limit", 5, "window_seconds", 2), APPROVED);
        List<Long> orders = sandbox.seedOrders(store.domain, 12, 1);
        orders.forEach(cartOrderId -> send(CartcomFixtures.fetched(store.id, cartOrderId, null)));
        await().atMost(WAIT).until(() -> orders.stream()
                .allMatch(cartOrderId -> SandboxOrders.statusAtCartcom(store.domain, cartOrderId) == APPROVED));
        List<Integer> answers = new ArrayList<>();
        sandbox.calls(store.domain).forEach(call -> answers.add(call.path("status").asInt()));
        assertEquals(12, answers.size(), "one status call per order: " + answers);
        assertTrue(answers.stream().allMatch(status -> status == 200), "no 429: " + answers);
    }

    /**
     * A 4-second window, far longer than the test's backoff (0.3 s doubling): the retry must not come before the end
     * of the window the 429 fell in, which is what Retry-After announces (rounded up). The window opens at the first
     * call after the previous one ended (the test's own fetch, usually), so it is worked out from the store's log.
     */
    private void retryAfterIsHonoured(String format) {
        Store store = connectedStore(Map.of("window_seconds", 4, "retry_after_format", format), APPROVED);
        long cartOrderId = seedOne(store);
        List<JsonNode> calls = importThroughFaults(store, cartOrderId, Map.of("rate_limited_rate", 1.0), 1);
        assertEquals(429, calls.get(0).path("status").asInt(), calls.toString());
        assertEquals(200, calls.get(calls.size() - 1).path("status").asInt(), calls.toString());
        Instant throttled = Instant.parse(calls.get(0).path("at").asText());
        Instant retried = Instant.parse(calls.get(1).path("at").asText());
        Instant windowEnd = windowEnd(store, throttled, Duration.ofSeconds(4));
        assertTrue(!retried.isBefore(windowEnd), "retried at " + retried + " after a 429 at " + throttled
                + " with Retry-After (" + format + "), before the window ended at " + windowEnd);
        assertEquals("DONE", updateRow(store, cartOrderId).state);
    }

    /** When the store's fixed window holding the call at {@code at} ended: windows open at a call after the last ended. */
    private Instant windowEnd(Store store, Instant at, Duration window) {
        Instant start = null;
        for (JsonNode call : sandbox.calls(store.domain)) {
            Instant callAt = Instant.parse(call.path("at").asText());
            if (callAt.isAfter(at)) {
                break;
            }
            if (start == null || !callAt.isBefore(start.plus(window))) {
                start = callAt;
            }
        }
        return start.plus(window);
    }

    /**
     * Imports the order while every Cart.com call fails with {@code faults}; lifts them after {@code failedCalls} status
     * calls about the order and waits until the status is set at Cart.com and the update ended. Answers the calls
     * about the order (reads and status sets), oldest first.
     */
    private List<JsonNode> importThroughFaults(Store store, long cartOrderId, Map<String, Object> faults, int failedCalls) {
        CartOrderFetched fetched = fetch(store, cartOrderId);
        sandbox.setFaults(store.domain, faults);
        send(fetched);
        await().atMost(WAIT).until(() -> orderCalls(store, cartOrderId).size() >= failedCalls);
        sandbox.clearFaults(store.domain);
        await().atMost(WAIT).until(() -> SandboxOrders.statusAtCartcom(store.domain, cartOrderId) == APPROVED
                && !"PENDING".equals(updateRow(store, cartOrderId).state));
        return orderCalls(store, cartOrderId);
    }

    /**
     * A 500 leaves open whether Cart.com applied the status, so every later attempt reads the order first (GET, also
     * failing here) and sets the status only once it sees the order still in a download status.
     */
    @Test
    void serverErrorsAreRetriedWithBackoffUntilCartcomAccepts() {
        Store store = connectedStore(Map.of("rate_limit", 1000), APPROVED);
        long cartOrderId = seedOne(store);
        List<JsonNode> calls = importThroughFaults(store, cartOrderId, Map.of("error_rate", 1.0), 3);
        assertEquals(List.of("PUT 500", "GET 500", "GET 500"), calls.subList(0, 3).stream().map(this::describe).toList());
        assertEquals(List.of("GET 200", "PUT 200"), calls.subList(calls.size() - 2, calls.size()).stream()
                .map(this::describe).toList(), calls.toString());
        Row row = updateRow(store, cartOrderId);
        assertEquals("DONE", row.state);
        assertEquals(calls.size() - 1, row.attempts, "one attempt per failed call, then one read and one set");
    }

    /** A garbled answer to a status that Cart.com did apply: the next attempt reads it there and sets nothing again. */
    @Test
    void aStatusAppliedBehindAGarbledAnswerIsNotSetTwice() {
        Store store = connectedStore(Map.of("rate_limit", 1000), APPROVED);
        long cartOrderId = seedOne(store);
        List<JsonNode> calls = importThroughFaults(store, cartOrderId, Map.of("malformed_rate", 1.0), 2);
        assertEquals("PUT 200", describe(calls.get(0)), calls.toString());
        assertEquals("malformed", calls.get(0).path("fault").asText(), calls.toString());
        await().atMost(WAIT).until(() -> "DONE".equals(updateRow(store, cartOrderId).state));
        assertEquals(1, orderCalls(store, cartOrderId).stream().filter(c -> c.path("method").asText().equals("PUT")).count(),
                "the status is set once: " + orderCalls(store, cartOrderId));
    }

    /**
     * The race the fault suite found: the after-import status is still owed (a retry, here a stopped worker) when a
     * shipment is added and shipment-sync sets the after-shipment status at Cart.com. The late after-import status
     * must not move the order back.
     */
    @Test
    void aShipmentRecordedFirstKeepsTheLateAfterImportStatusFromMovingTheOrderBack() throws Exception {
        Store store = connectedStore(Map.of("rate_limit", 1000), APPROVED);
        long cartOrderId = seedOne(store);
        scheduler.pause("status-updates");
        Row row;
        try {
            importFromSandbox(store, cartOrderId);
            await().atMost(WAIT).until(() -> updateRow(store, cartOrderId) != null);
            row = updateRow(store, cartOrderId);
            given().header(ApiKeys.STORE_ID_HEADER, String.valueOf(store.id)).header(ApiKeys.API_KEY_HEADER, store.apiKey)
                    .contentType("application/json")
                    .body(Map.of("tracking_number", "1Z999", "carrier_code", "UPS"))
                    .post("/api/v1/stores/{id}/orders/{orderId}/shipments", store.id, row.orderId)
                    .then().statusCode(201);
            // What shipment-sync does once it has posted the shipment: the after-shipment status, over the API.
            given().baseUri(CartcomSandbox.url()).header("X-AC-Auth-Token", store.token).contentType("application/json")
                    .body(Map.of("order_status_id", SHIPPED))
                    .put("/{domain}/api/v1/orders/{id}/status", store.domain, cartOrderId).then().statusCode(200);
        } finally {
            scheduler.resume("status-updates");
        }
        await().atMost(WAIT).until(() -> "SUPERSEDED".equals(updateRow(store, cartOrderId).state));
        assertEquals(SHIPPED, SandboxOrders.statusAtCartcom(store.domain, cartOrderId));
        assertEquals(1, sandbox.countCalls(store.domain, "PUT", "/status"), "only the after-shipment status was set");
        assertTrue(updateRow(store, cartOrderId).lastError.contains("status " + SHIPPED),
                updateRow(store, cartOrderId).lastError);
    }

    /**
     * Issue 15: each store's Cart.com answers its status calls as a hostile or broken server would, all at once, on
     * the worker that serves every store: each hostile store's update stays pending with the classified failure as its
     * last error (nothing lost, nothing applied twice once the server heals), and a healthy store's acknowledgements
     * keep arriving within the worker's interval all along. The delays are printed for docs/bad-input.md.
     */
    @Test
    void aHostileServerHoldsUpOnlyItsOwnStatusUpdates() {
        Store healthy = connectedStore(Map.of("rate_limit", 1000), APPROVED);
        Map<String, java.util.function.Consumer<String>> attacks = sandbox.singleCallAttacks("http-date");
        Map<String, Store> hostile = new LinkedHashMap<>();
        Map<String, Long> orders = new LinkedHashMap<>();
        attacks.forEach((attack, arm) -> {
            Store store = connectedStore(Map.of("rate_limit", 1000), APPROVED);
            long cartOrderId = seedOne(store);
            CartOrderFetched fetched = fetch(store, cartOrderId);
            arm.accept(store.domain);
            send(fetched);
            hostile.put(attack, store);
            orders.put(attack, cartOrderId);
        });
        try {
            acknowledgedWithinTheInterval(healthy);
            Map<String, String> outcomes = new LinkedHashMap<>();
            hostile.forEach((attack, store) -> {
                long cartOrderId = orders.get(attack);
                await().atMost(WAIT).until(() -> !sandbox.calls(store.domain).isEmpty() && updateRow(store, cartOrderId) != null
                        && (updateRow(store, cartOrderId).lastError != null || attack.startsWith("Retry-After")));
                Row row = updateRow(store, cartOrderId);
                outcomes.put(attack, row.state + ", " + row.lastError);
                System.out.printf("[hostile] %s: %s%n", attack, outcomes.get(attack));
                // A redirect is never followed and will not heal by itself: failed at once and reported, like a 404.
                assertEquals(attack.contains("redirect") ? "FAILED" : "PENDING", row.state, attack);
            });
            acknowledgedWithinTheInterval(healthy);
            assertTrue(outcomes.get("a 50 MB answer").contains("larger than 8388608 bytes"), outcomes.toString());
            assertTrue(outcomes.get("a redirect to an internal address").contains("307"), outcomes.toString());
            assertEquals(1, orderCalls(hostile.get("a redirect to an internal address"),
                    orders.get("a redirect to an internal address")).size(), "not retried");
            assertTrue(outcomes.get("headers dribbled byte by byte").contains("within"), outcomes.toString());
            // Ten years of Retry-After waits an hour at the most (cartcom.max-retry-after), with one call made.
            Store patient = hostile.get("Retry-After of ten years");
            Instant next = updateRow(patient, orders.get("Retry-After of ten years")).nextAttemptAt();
            assertTrue(next.isAfter(Instant.now().plus(Duration.ofMinutes(50))) && next.isBefore(Instant.now().plus(Duration.ofMinutes(61))),
                    "next attempt at " + next);
            assertEquals(1, orderCalls(patient, orders.get("Retry-After of ten years")).size(),
                    sandbox.calls(patient.domain).toString());
        } finally {
            hostile.values().forEach(store -> sandbox.clearHostile(store.domain));
        }
        // Healed, each server still owed its status gets it once (the huge and dribbled answers came after the status
        // was applied: the next attempt reads it there and sets nothing again).
        hostile.forEach((attack, store) -> {
            if (attack.contains("answer") || attack.contains("dribbled")) {
                long cartOrderId = orders.get(attack);
                await().atMost(WAIT).until(() -> "DONE".equals(updateRow(store, cartOrderId).state));
                assertEquals(APPROVED, SandboxOrders.statusAtCartcom(store.domain, cartOrderId), attack);
            }
        });
    }

    /** A new order of the healthy store is acknowledged at Cart.com within the worker's interval plus a little. */
    private void acknowledgedWithinTheInterval(Store store) {
        long cartOrderId = seedOne(store);
        CartOrderFetched fetched = fetch(store, cartOrderId);
        Instant sent = Instant.now();
        send(fetched);
        await().atMost(WAIT).until(() -> SandboxOrders.statusAtCartcom(store.domain, cartOrderId) == APPROVED);
        Duration took = Duration.between(sent, Instant.now());
        System.out.printf("[hostile] healthy store %s: acknowledged after %d ms%n", store.domain, took.toMillis());
        assertTrue(took.compareTo(Duration.ofSeconds(5)) <= 0, "the healthy store's acknowledgement took " + took);
    }

    private String describe(JsonNode call) {
        return call.path("method").asText() + " " + call.path("status").asInt();
    }

    @Test
    void notFoundAndConflictAreRecordedAndReportedWithTheOrder() {
        // 404: the order was deleted at Cart.com after the poll. 409: the store's status no longer exists there.
        Store deleted = connectedStore(Map.of("rate_limit", 1000), APPROVED);
        long goneOrder = seedOne(deleted);
        CartOrderFetched fetched = fetch(deleted, goneOrder);
        long missingOrder = goneOrder + 1_000_000;
        fetched.order().put("id", missingOrder);
        send(CartOrderFetched.of(deleted.id, missingOrder, null, fetched.order(), fetched.shippingAddress(),
                fetched.billingAddress(), fetched.customer()));
        Store unknownStatus = connectedStore(Map.of("rate_limit", 1000), 777);
        long conflicted = seedOne(unknownStatus);
        importFromSandbox(unknownStatus, conflicted);

        for (Map.Entry<Store, Long> failed : Map.of(deleted, missingOrder, unknownStatus, conflicted).entrySet()) {
            Store store = failed.getKey();
            long cartOrderId = failed.getValue();
            ActivityRecorded failure = EventCodec.read(kafka.await(Topics.INTEGRATION_ACTIVITY,
                    r -> r.key().equals(String.valueOf(store.id))
                            && r.value().contains("\"" + ActivityKinds.STATUS_UPDATE_FAILED + "\"")
                            && r.value().contains("\"cartOrderId\":" + cartOrderId), 1, WAIT).get(0).value(),
                    ActivityRecorded.class);
            Row row = updateRow(store, cartOrderId);
            assertEquals(ActivityRecorded.Level.error, failure.level());
            assertEquals(row.orderId, failure.orderId(), "reported with the order");
            assertEquals("FAILED", row.state);
            assertEquals(1, row.attempts, "not retried");
        }
        assertTrue(updateRow(deleted, missingOrder).lastError.contains("404"), updateRow(deleted, missingOrder).lastError);
        assertTrue(updateRow(unknownStatus, conflicted).lastError.contains("409"), updateRow(unknownStatus, conflicted).lastError);
        assertEquals(1, orderCalls(deleted, missingOrder).size());
        assertEquals(1, orderCalls(unknownStatus, conflicted).size());
        assertEquals(1, SandboxOrders.statusAtCartcom(unknownStatus.domain, conflicted));
    }

    /**
     * The worker stops with updates pending, one of them claimed by a call that never finished (an instance that
     * died mid-call): once the worker runs again, both are set at Cart.com, once each, and the backlog gauge went up
     * and back to 0.
     */
    @Test
    void pendingUpdatesAreResumedAfterAStop() throws Exception {
        Store store = connectedStore(Map.of("rate_limit", 1000), APPROVED);
        List<Long> orders = sandbox.seedOrders(store.domain, 2, 1);
        scheduler.pause("status-updates");
        try {
            orders.forEach(id -> importFromSandbox(store, id));
            await().atMost(WAIT).until(() -> orders.stream().allMatch(id -> updateRow(store, id) != null));
            // The first looks claimed by a dead instance: its lease runs out 3 s from now.
            execute("UPDATE pending_status_update SET attempts = 1, next_attempt_at = now() + interval '3 seconds' "
                    + "WHERE cart_order_id = " + orders.get(0) + " AND store_id = " + store.id);
            ActivityRecorded backlog = awaitBacklog(store, 2);
            assertEquals(ActivityKinds.STATUS_UPDATE_BACKLOG, backlog.kind());
            // Valid at once: paused before the orders came, no tick starts and wake-ups check the pause; a claim counts an attempt.
            assertEquals(0, updateRow(store, orders.get(1)).attempts, "nothing is claimed while stopped");
            assertEquals(0, sandbox.countCalls(store.domain, "PUT", "/status"), "nothing is sent while stopped");
        } finally {
            scheduler.resume("status-updates");
        }
        for (long id : orders) {
            // The row is marked after Cart.com answered, so the status there can show before the row does.
            await().atMost(WAIT).until(() -> SandboxOrders.statusAtCartcom(store.domain, id) == APPROVED
                    && !"PENDING".equals(updateRow(store, id).state));
            assertEquals("DONE", updateRow(store, id).state);
        }
        awaitBacklog(store, 0);
        assertEquals(2, sandbox.countCalls(store.domain, "PUT", "/status"), "each status set once");
    }

    /**
     * Two instances count the same backlogs and would each report a change: the value last reported is shared (the
     * kit's StoreGauges, in the database), so each change reaches the merchant's log once, and an instance started
     * later reports nothing that was reported already.
     */
    @Test
    void twoInstancesReportEachBacklogChangeOnce() throws Exception {
        String gauge = "test-gauge-" + UUID.randomUUID();
        long store = NEXT_STORE.incrementAndGet();
        List<StoreGauges> instances = List.of(new StoreGauges(new Sql(dataSource)), new StoreGauges(new Sql(dataSource)));
        assertEquals(1, reportAtOnce(instances, gauge, Map.of(store, 3L)), "3 reported once");
        assertEquals(1, reportAtOnce(instances, gauge, Map.of(store, 5L)), "5 reported once");
        assertEquals(0, reportAtOnce(instances, gauge, Map.of(store, 5L)), "no change, nothing reported");
        assertEquals(1, reportAtOnce(instances, gauge, Map.of()), "the drop to 0 reported once");
        assertEquals(0, new StoreGauges(new Sql(dataSource)).reportChanges(gauge, Map.of(), testGauge(gauge)::event),
                "a restarted instance reports nothing anew");
        List<Long> reported = kafka.await(Topics.INTEGRATION_ACTIVITY, r -> r.key().equals(String.valueOf(store)), 3, WAIT)
                .stream().map(r -> EventCodec.read(r.value(), ActivityRecorded.class).counts().get(gauge)).toList();
        assertEquals(List.of(3L, 5L, 0L), reported);
    }

    /** Eight reports of the same values at once, four from each instance; returns how many reported a change. */
    private static int reportAtOnce(List<StoreGauges> instances, String gauge, Map<Long, Long> values) throws Exception {
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> reports = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                StoreGauges instance = instances.get(i % instances.size());
                reports.add(pool.submit(() -> {
                    start.await();
                    return instance.reportChanges(gauge, values, testGauge(gauge)::event);
                }));
            }
            int reported = 0;
            for (Future<Integer> report : reports) {
                reported += report.get(30, TimeUnit.SECONDS);
            }
            return reported;
        } finally {
            pool.shutdownNow();
        }
    }

    private static StoreGauge testGauge(String count) {
        return new StoreGauge(count, ActivityKinds.STATUS_UPDATE_BACKLOG, Map::of, "%d pending");
    }

    private ActivityRecorded awaitBacklog(Store store, long pending) {
        String count = "\"" + ActivityKinds.COUNT_STATUS_UPDATES_PENDING + "\":" + pending;
        return EventCodec.read(kafka.await(Topics.INTEGRATION_ACTIVITY,
                r -> r.key().equals(String.valueOf(store.id)) && r.value().contains(count), 1, WAIT).get(0).value(),
                ActivityRecorded.class);
    }

    /**
     * The importer's status sets and reads of one order in the store's call log (the test's own fetch asks with
     * expand; statusAtCartcom reads through the control API, which is not logged).
     */
    private List<JsonNode> orderCalls(Store store, long cartOrderId) {
        List<JsonNode> calls = new ArrayList<>();
        for (JsonNode call : sandbox.calls(store.domain)) {
            String path = call.path("path").asText();
            boolean read = path.endsWith("/orders/" + cartOrderId) && call.path("query").asText().isEmpty();
            if (path.endsWith("/orders/" + cartOrderId + "/status") || read) {
                calls.add(call);
            }
        }
        return calls;
    }

    private record Row(long orderId, String state, int attempts, String lastError, Instant nextAttemptAt) {
    }

    private Row updateRow(Store store, long cartOrderId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT order_id, state, attempts, last_error, next_attempt_at "
                     + "FROM pending_status_update WHERE store_id = ? AND cart_order_id = ?")) {
            s.setLong(1, store.id);
            s.setLong(2, cartOrderId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            assertEquals(1, s.executeUpdate(), sql);
        }
    }
}
