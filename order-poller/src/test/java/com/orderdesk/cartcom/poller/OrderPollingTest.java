package com.orderdesk.cartcom.poller;

import static com.orderdesk.cartcom.poller.support.KafkaTestSupport.send;
import static com.orderdesk.cartcom.poller.support.KafkaTestSupport.snapshot;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.cartcom.devstack.DevStackTestResource;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.ManualImportRequested;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.model.snapshot.StoreSnapshots;
import com.orderdesk.cartcom.poller.repository.PollScheduleRepository;
import com.orderdesk.cartcom.poller.support.FakeCartcom;
import com.orderdesk.cartcom.poller.support.FakeCartcomResource;
import com.orderdesk.cartcom.poller.support.KafkaTestSupport.TopicRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The poller against the devstack's real Kafka and PostgreSQL and a fake Cart.com: what reaches
 * cartcom.orders.raw.v1 and cartcom.integration-activity.v1 when stores are connected, disabled, rejected or
 * malformed. Test profile: every store is polled every 2 s and pages hold 2 orders.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "poller"))
@QuarkusTestResource(value = FakeCartcomResource.class, restrictToAnnotatedClass = false)
class OrderPollingTest {
    private static final AtomicLong STORE_IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000, 1_000_000) * 1_000);
    private static final Duration WAIT = Duration.ofSeconds(40);

    static FakeCartcom fake;
    static TopicRecords raw;
    static TopicRecords activity;
    static TopicRecords settingsDlq;

    @Inject
    PollScheduleRepository schedule;
    @Inject
    StoreSnapshots snapshots;

    @BeforeAll
    static void start() {
        fake = FakeCartcom.get();
        raw = TopicRecords.collect(Topics.ORDERS_RAW);
        activity = TopicRecords.collect(Topics.INTEGRATION_ACTIVITY);
        settingsDlq = TopicRecords.collect(Topics.dlq(Topics.STORE_SETTINGS));
    }

    @Test
    void publishesEachOrderInTheDownloadStatusesOnceWithAddressesAndCustomer() {
        long storeId = STORE_IDS.incrementAndGet();
        String domain = "shop-" + storeId + ".example";
        FakeCartcom.Store store = fake.store(domain, "token-" + storeId);
        ObjectNode a = store.addOrder(1);
        ObjectNode b = store.addOrder(2);
        ObjectNode c = store.addOrder(1);
        store.addOrder(7); // not a download status

        send(Topics.STORE_SETTINGS, snapshot(storeId, 1, true, domain, "token-" + storeId, List.of(1L, 2L)));

        await().atMost(WAIT).until(() -> raw.events(storeId, CartOrderFetched.class).size() >= 3);
        awaitPollActivity(storeId, 3);
        List<CartOrderFetched> events = raw.events(storeId, CartOrderFetched.class);
        assertEquals(Set.of(id(a), id(b), id(c)), events.stream().map(CartOrderFetched::cartOrderId).collect(Collectors.toSet()));
        for (CartOrderFetched event : events) {
            assertEquals(storeId, event.storeId());
            assertNull(event.importId());
            assertEquals(event.cartOrderId(), event.order().get("id").asLong());
            assertEquals("SKU-1", event.order().get("items").get(0).get("item_code").asText());
            assertEquals("1 Ship St", event.shippingAddress().get("address_line_1").asText());
            assertEquals("2 Bill Ave", event.billingAddress().get("address_line_1").asText());
            assertEquals(event.order().get("customer_id").asLong(), event.customer().get("id").asLong());
        }
        ConsumerRecord<String, String> record = raw.forKey(storeId).get(0);
        assertEquals(CartOrderFetched.TYPE, header(record, "eventType"));

        // The query as Cart.com documents it, fresh data, and one select_many per page for addresses and customers.
        FakeCartcom.Call first = store.orderListCallsList().get(0);
        assertEquals("eq:1 OR eq:2", first.query().get("order_status_id"));
        assertTrue(first.query().get("updated_at").matches("gte:\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"),
                first.query().get("updated_at"));
        assertEquals("updated_at", first.query().get("sort"));
        assertEquals("2", first.query().get("count"));
        assertEquals("items,payments,shipments,custom_fields", first.query().get("expand"));
        assertEquals("no-cache", first.cacheControl());
        assertTrue(store.orderListCallsList().stream().anyMatch(call -> "2".equals(call.query().get("page"))), "followed next_page");
        assertTrue(store.calls.stream().anyMatch(call -> call.path().equals("/order_addresses/select_many")));
        assertTrue(store.calls.stream().anyMatch(call -> call.path().equals("/customers/select_many")));

        // Later polls re-read the overlap window but publish nothing already published.
        awaitPollActivity(storeId, 0);
        assertEquals(3, raw.events(storeId, CartOrderFetched.class).size());

        // A new order is published once.
        ObjectNode d = store.addOrder(2);
        await().atMost(WAIT).until(() -> raw.events(storeId, CartOrderFetched.class).size() >= 4);
        long zeroPollsBefore = pollActivities(storeId, 0);
        await().atMost(WAIT).until(() -> pollActivities(storeId, 0) > zeroPollsBefore);
        List<CartOrderFetched> after = raw.events(storeId, CartOrderFetched.class);
        assertEquals(4, after.size());
        assertEquals(id(d), after.get(3).cartOrderId());
        assertNotNull(schedule.find(storeId).orElseThrow().cursorUpdatedAt());
    }

    @Test
    void aStoreThatIsNotActiveIsNotPolledAndIsPolledAtOnceWhenEnabled() throws InterruptedException {
        long storeId = STORE_IDS.incrementAndGet();
        String domain = "shop-" + storeId + ".example";
        FakeCartcom.Store store = fake.store(domain, "token-" + storeId);
        store.addOrder(1);

        send(Topics.STORE_SETTINGS, snapshot(storeId, 1, false, domain, "token-" + storeId, List.of(1L)));
        await().atMost(WAIT).until(() -> schedule.find(storeId).isPresent());
        assertFalse(schedule.find(storeId).orElseThrow().active());
        Thread.sleep(5_000);
        assertEquals(0, store.calls.size(), "a disabled store is never called");

        send(Topics.STORE_SETTINGS, snapshot(storeId, 2, true, domain, "token-" + storeId, List.of(1L)));
        await().atMost(Duration.ofSeconds(15)).until(() -> raw.events(storeId, CartOrderFetched.class).size() == 1);

        send(Topics.STORE_SETTINGS, snapshot(storeId, 3, false, domain, "token-" + storeId, List.of(1L)));
        await().atMost(WAIT).until(() -> !schedule.find(storeId).orElseThrow().active());
        Thread.sleep(2_000); // a poll claimed just before may still finish
        int calls = store.calls.size();
        Thread.sleep(5_000);
        assertEquals(calls, store.calls.size(), "polling stopped once the store was disabled");
    }

    @Test
    void rejectedCredentialsPauseTheStoreUntilNewCredentialsArrive() throws InterruptedException {
        long storeId = STORE_IDS.incrementAndGet();
        String domain = "shop-" + storeId + ".example";
        FakeCartcom.Store store = fake.store(domain, "right-" + storeId);
        store.addOrder(1);

        send(Topics.STORE_SETTINGS, snapshot(storeId, 1, true, domain, "revoked-" + storeId, List.of(1L)));
        await().atMost(WAIT).until(() -> activities(storeId).stream().anyMatch(e -> e.kind().equals("poll_failed")));
        ActivityRecorded failure = activities(storeId).stream().filter(e -> e.kind().equals("poll_failed")).findFirst().orElseThrow();
        assertEquals(ActivityRecorded.Level.error, failure.level());
        assertTrue(failure.message().contains("rejected the access token (HTTP 401)"), failure.message());
        assertTrue(failure.message().contains("paused"), failure.message());
        assertNotNull(schedule.find(storeId).orElseThrow().pausedReason());
        Thread.sleep(5_000);
        assertEquals(1, store.orderListCalls(), "a paused store is not polled again");
        assertTrue(raw.forKey(storeId).isEmpty());

        // The merchant reconnects with a valid token: polling resumes at once.
        send(Topics.STORE_SETTINGS, snapshot(storeId, 2, true, domain, "right-" + storeId, List.of(1L)));
        await().atMost(Duration.ofSeconds(15)).until(() -> raw.events(storeId, CartOrderFetched.class).size() == 1);
        assertNull(schedule.find(storeId).orElseThrow().pausedReason());
    }

    @Test
    void aMalformedSnapshotGoesToTheDeadLetterTopicAndStaleSnapshotsAreIgnored() {
        long storeId = STORE_IDS.incrementAndGet();
        String domain = "shop-" + storeId + ".example";
        FakeCartcom.Store store = fake.store(domain, "token-" + storeId);
        store.addOrder(1);
        String key = Long.toString(storeId);

        send(Topics.STORE_SETTINGS, snapshot(storeId, 2, true, domain, "token-" + storeId, List.of(1L)));
        send(Topics.STORE_SETTINGS, key, "this is not json");
        send(Topics.STORE_SETTINGS, snapshot(storeId, 1, false, domain, "token-" + storeId, List.of(1L))); // stale
        send(Topics.STORE_SETTINGS, key, "{\"eventType\":\"StoreIntegrationChanged\"}");

        // Both bad records are dead-lettered with a reason, in order, so the stale snapshot between them was consumed too.
        await().atMost(WAIT).until(() -> settingsDlq.forKey(storeId).size() == 2);
        List<ConsumerRecord<String, String>> dead = settingsDlq.forKey(storeId);
        assertEquals("this is not json", dead.get(0).value());
        assertTrue(header(dead.get(0), "dead-letter-reason").contains("not JSON"), header(dead.get(0), "dead-letter-reason"));
        assertTrue(header(dead.get(1), "dead-letter-reason").contains("missing"), header(dead.get(1), "dead-letter-reason"));

        assertEquals(2, snapshots.find(storeId).orElseThrow().version());
        assertTrue(schedule.find(storeId).orElseThrow().active());
        await().atMost(WAIT).until(() -> raw.events(storeId, CartOrderFetched.class).size() == 1);

        // A tombstone (store deleted): no longer polled.
        send(Topics.STORE_SETTINGS, key, null);
        await().atMost(WAIT).until(() -> !schedule.find(storeId).orElseThrow().active());
        assertTrue(snapshots.find(storeId).isEmpty());
    }

    @Test
    void aManualImportSweepsOrdersPlacedSinceTheDateAndReportsProgress() {
        long storeId = STORE_IDS.incrementAndGet();
        String domain = "shop-" + storeId + ".example";
        FakeCartcom.Store store = fake.store(domain, "token-" + storeId);
        Instant fortyDaysAgo = Instant.now().minus(Duration.ofDays(40));
        ObjectNode a = store.addOrder(1, fortyDaysAgo);
        ObjectNode b = store.addOrder(1, fortyDaysAgo.plusSeconds(60));
        ObjectNode c = store.addOrder(1, fortyDaysAgo.plusSeconds(120));
        store.addOrder(1, Instant.now().minus(Duration.ofDays(70))); // before "since"
        store.addOrder(5, fortyDaysAgo); // not a download status

        send(Topics.STORE_SETTINGS, snapshot(storeId, 1, true, domain, "token-" + storeId, List.of(1L)));
        UUID importId = UUID.randomUUID();
        send(Topics.IMPORT_REQUESTS, ManualImportRequested.of(storeId, importId, Instant.now().minus(Duration.ofDays(60))));

        await().atMost(WAIT).until(() -> activities(storeId).stream()
                .anyMatch(e -> e.kind().equals("import_completed") && importId.equals(e.importId())));
        ActivityRecorded done = activities(storeId).stream().filter(e -> e.kind().equals("import_completed")).findFirst().orElseThrow();
        assertEquals(3L, done.counts().get("ordersFound"));
        assertTrue(activities(storeId).stream().anyMatch(e -> e.kind().equals("import_progress") && importId.equals(e.importId())));

        List<CartOrderFetched> imported = raw.events(storeId, CartOrderFetched.class).stream()
                .filter(e -> importId.equals(e.importId())).toList();
        assertEquals(Set.of(id(a), id(b), id(c)), imported.stream().map(CartOrderFetched::cartOrderId).collect(Collectors.toSet()));
        assertEquals(3, imported.size());
        assertTrue(imported.stream().allMatch(e -> e.customer() != null && e.shippingAddress() != null));
        FakeCartcom.Call sweep = store.orderListCallsList().stream().filter(call -> call.query().containsKey("ordered_at"))
                .findFirst().orElseThrow();
        assertTrue(sweep.query().get("ordered_at").startsWith("gte:") && sweep.query().get("ordered_at").endsWith("Z"));
        // The regular poll starts 30 days back: these old orders come only from the import.
        assertTrue(raw.events(storeId, CartOrderFetched.class).stream().allMatch(e -> importId.equals(e.importId())));
    }

    private static List<ActivityRecorded> activities(long storeId) {
        return activity.events(storeId, ActivityRecorded.class);
    }

    private static long pollActivities(long storeId, long ordersFound) {
        return activities(storeId).stream()
                .filter(e -> e.kind().equals("poll") && Long.valueOf(ordersFound).equals(e.counts().get("ordersFound"))).count();
    }

    private static void awaitPollActivity(long storeId, long ordersFound) {
        await().atMost(WAIT).until(() -> pollActivities(storeId, ordersFound) > 0);
    }

    private static long id(ObjectNode order) {
        return order.get("id").asLong();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
