package com.orderdesk.cartcom.poller;

import static com.orderdesk.cartcom.poller.support.KafkaTestSupport.send;
import static com.orderdesk.cartcom.poller.support.KafkaTestSupport.snapshot;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.devstack.ConnectionDropper;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.kit.snapshot.StoreSnapshots;
import com.orderdesk.cartcom.poller.repository.PollScheduleRepository;
import com.orderdesk.cartcom.poller.support.KafkaTestSupport.TopicRecords;
import com.orderdesk.cartcom.poller.support.PollMarker;
import com.orderdesk.cartcom.poller.support.PollerTestBase;
import com.orderdesk.cartcom.poller.support.SandboxStores;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The poller against the devstack's real Kafka and PostgreSQL and the Cart.com sandbox: what reaches
 * cartcom.orders.raw.v1 and cartcom.integration-activity.v1 when stores are connected, idle, disabled, rejected or
 * malformed, and what the sandbox saw of it.
 */
@QuarkusTest
class OrderPollingTest extends PollerTestBase {
    static TopicRecords settingsDlq;

    @Inject
    PollScheduleRepository schedule;
    @Inject
    StoreSnapshots snapshots;

    @BeforeAll
    static void start() {
        settingsDlq = TopicRecords.collect(Topics.dlq(Topics.STORE_SETTINGS));
    }

    @Test
    void publishesEachOrderInTheDownloadStatusesOnceWithAddressesAndCustomer() {
        SandboxStores.Store store = SandboxStores.create();
        List<Long> expected = new ArrayList<>(SandboxStores.seed(store.domain(), 2, 1));
        expected.addAll(SandboxStores.seed(store.domain(), 1, 2));
        SandboxStores.seed(store.domain(), 1, 7); // not a download status

        long storeId = connect(store, List.of(1L, 2L));
        await().atMost(WAIT).until(() -> published(storeId).size() >= 3);
        awaitPolls(storeId, 0, 1);
        List<CartOrderFetched> events = published(storeId);
        assertEquals(Set.copyOf(expected), events.stream().map(CartOrderFetched::cartOrderId).collect(Collectors.toSet()));
        assertEquals(3, events.size());
        for (CartOrderFetched event : events) {
            JsonNode order = SandboxStores.order(store.domain(), event.cartOrderId());
            assertEquals(storeId, event.storeId());
            assertNull(event.importId());
            assertEquals(event.cartOrderId(), event.order().get("id").asLong());
            assertEquals(order.path("items").get(0).path("item_number").asText(), event.order().get("items").get(0).get("item_number").asText());
            assertEquals(order.path("shipping_address").path("id").asLong(), event.shippingAddress().get("id").asLong());
            assertEquals(order.path("billing_address").path("id").asLong(), event.billingAddress().get("id").asLong());
            assertEquals(event.order().get("customer_id").asLong(), event.customer().get("id").asLong());
        }
        assertEquals(CartOrderFetched.TYPE, header(raw().forKey(storeId).get(0), "eventType"));

        // The query as Cart.com documents it; later pages start at the last order seen (keyset), not at an offset.
        List<JsonNode> lists = SandboxStores.listCalls(store.domain());
        JsonNode first = lists.get(0);
        assertEquals("eq:1 OR eq:2", SandboxStores.param(first, "order_status_id"));
        assertTrue(SandboxStores.param(first, "updated_at").matches("gte:\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"),
                SandboxStores.param(first, "updated_at"));
        assertEquals("updated_at,id", SandboxStores.param(first, "sort"));
        assertEquals("2", SandboxStores.param(first, "count"));
        assertEquals("items,payments,shipments,custom_fields", SandboxStores.param(first, "expand"));
        assertTrue(lists.stream().noneMatch(call -> SandboxStores.param(call, "page") != null), "never offset pages");
        // Fresh data: Cart.com caches GETs unless told not to, so every call of a poll asks for no cache.
        List<JsonNode> calls = SandboxStores.calls(store.domain());
        assertTrue(calls.stream().allMatch(call -> call.path("cache_control").asText().equals("no-cache")), calls.toString());
        assertEquals("3", SandboxStores.param(lists.get(1), "count"), "a keyset page re-reads the last order seen");
        // One select_many each for addresses and customers per page that had orders to publish: 2 pages.
        assertEquals(2, SandboxStores.count(store.domain(), "/order_addresses/select_many"));
        assertEquals(2, SandboxStores.count(store.domain(), "/customers/select_many"));

        // Later polls re-read the overlap window but publish nothing already published.
        awaitPolls(storeId, 0, 2);
        assertEquals(3, published(storeId).size());

        // A new order is published once.
        long d = SandboxStores.seed(store.domain(), 1, 2).get(0);
        await().atMost(WAIT).until(() -> published(storeId).size() >= 4);
        awaitPolls(storeId, 0, 2);
        List<CartOrderFetched> after = published(storeId);
        assertEquals(4, after.size());
        assertEquals(d, after.get(3).cartOrderId());
        assertNotNull(schedule.find(storeId).orElseThrow().cursorUpdatedAt());
    }

    /** A store listing order addresses under acapi.yaml's "order_addresses" instead of "addresses". */
    @Test
    void addressesListedUnderEitherKeyArePublished() {
        SandboxStores.Store store = SandboxStores.create(Map.of("real_world", List.of("order_addresses_key")));
        long id = SandboxStores.seed(store.domain(), 1, 1).get(0);
        long storeId = connect(store, List.of(1L));
        await().atMost(WAIT).until(() -> published(storeId).size() >= 1);
        CartOrderFetched event = published(storeId).get(0);
        JsonNode order = SandboxStores.order(store.domain(), id);
        assertEquals(order.path("shipping_address").path("id").asLong(), event.shippingAddress().path("id").asLong());
        assertEquals(order.path("billing_address").path("id").asLong(), event.billingAddress().path("id").asLong());
    }

    /**
     * A store whose select_many leaves out every 3rd address and customer the first two times (so asking again at once
     * does not help), and which lists every 4th order without items: those orders are held (the merchant is told; at
     * the first attempt in this profile), fetched again by id at the end of the same poll (an order listed without its
     * items has them by id: it must not wait a backoff), and published once, whole. Never blank, and the store's other
     * orders are not held up.
     */
    @Test
    void ordersCartcomDidNotGiveWholeAreHeldThenPublishedOnceWhole() {
        SandboxStores.Store store = SandboxStores.create(Map.of("real_world", List.of("select_many_gaps", "expand_ignored")));
        List<Long> ids = SandboxStores.seed(store.domain(), 8, 1);
        long storeId = connect(store, List.of(1L));
        List<CartOrderFetched> events = awaitEachPublishedOnce(storeId, ids);
        for (CartOrderFetched event : events) {
            String at = "order " + event.cartOrderId();
            assertNotNull(event.shippingAddress(), at);
            assertNotNull(event.billingAddress(), at);
            assertNotNull(event.customer(), at);
            assertFalse(event.order().path("items").isEmpty(), at + " has its items");
        }
        List<ActivityRecorded> held = activities(storeId).stream().filter(e -> e.kind().equals("order_incomplete")).toList();
        ActivityRecorded withoutItems = held.stream().filter(e -> ids.get(3).equals(e.cartOrderId())).findFirst().orElseThrow();
        assertEquals(ActivityRecorded.Level.warn, withoutItems.level());
        assertTrue(withoutItems.message().contains("its items"), withoutItems.message());
        assertTrue(held.stream().anyMatch(e -> e.message().contains("its customer 3")), held.toString());
        assertTrue(withoutItems.message().contains("asking again by id now"), withoutItems.message());
        // The first poll published the whole orders from its pages and the held ones by id at its end: the sandbox
        // gives what it left out the third time it is asked, which the retry at the end of the poll is.
        ActivityRecorded firstPoll = activities(storeId).stream().filter(e -> e.kind().equals("poll")).findFirst().orElseThrow();
        assertEquals(8L, firstPoll.counts().get("ordersFound"), firstPoll.message());
        assertTrue(SandboxStores.calls(store.domain()).stream()
                .anyMatch(c -> c.path("path").asText().endsWith("/orders/" + ids.get(3))), "retried by id");
        assertTrue(SandboxStores.calls(store.domain()).stream().anyMatch(c -> c.path("path").asText().endsWith("/select_many")
                && c.path("status").asInt() == 404), "asked again at once for what was left out");
    }

    /** Every real-world shape at once (odd and tied dates, gaps, items left out, a DST zone, ...): each order once, whole. */
    @Test
    void aStoreWithEveryRealWorldShapeHasEachOrderPublishedOnceWhole() {
        SandboxStores.Store store = SandboxStores.create(Map.of("real_world", List.of("all")));
        List<Long> ids = SandboxStores.seed(store.domain(), 10, 1);
        long storeId = connect(store, List.of(1L));
        List<CartOrderFetched> events = awaitEachPublishedOnce(storeId, ids);
        assertTrue(events.stream().allMatch(e -> e.customer() != null && e.shippingAddress() != null
                && e.billingAddress() != null && e.order().path("items").size() > 0), "whole");
        assertTrue(activities(storeId).stream().noneMatch(e -> e.kind().equals("poll_failed")), activities(storeId).toString());
    }

    /** Waits until every seeded order was published, then two polls more; asserts each was published once. */
    private List<CartOrderFetched> awaitEachPublishedOnce(long storeId, List<Long> ids) {
        await().atMost(WAIT).until(() -> published(storeId).stream().map(CartOrderFetched::cartOrderId).distinct().count()
                >= ids.size());
        awaitPolls(storeId, 0, 2);
        List<CartOrderFetched> events = published(storeId);
        assertEquals(Set.copyOf(ids), events.stream().map(CartOrderFetched::cartOrderId).collect(Collectors.toSet()));
        assertEquals(ids.size(), events.size(), "each order once");
        return events;
    }

    @Test
    void anIdleStoreCostsOneCartcomCallPerPoll() {
        SandboxStores.Store store = SandboxStores.createWithAnOrder();
        long storeId = connect(store, List.of(1L));
        await().atMost(WAIT).until(() -> published(storeId).size() == 1);
        awaitPolls(storeId, 0, 3);

        List<JsonNode> calls = SandboxStores.calls(store.domain());
        // The first poll: the list, then the order's addresses and customer. Every later poll: the list alone.
        assertTrue(calls.get(1).path("path").asText().endsWith("/order_addresses/select_many"), calls.toString());
        assertTrue(calls.get(2).path("path").asText().endsWith("/customers/select_many"), calls.toString());
        List<JsonNode> idle = calls.subList(3, calls.size());
        assertTrue(idle.size() >= 3, calls.toString());
        assertTrue(idle.stream().allMatch(c -> c.path("path").asText().endsWith("/orders")), idle.toString());
        // ...and only one of them per poll: polls are 2 s apart.
        for (int i = 1; i < idle.size(); i++) {
            Duration gap = Duration.between(at(idle.get(i - 1)), at(idle.get(i)));
            assertTrue(gap.compareTo(Duration.ofMillis(1500)) >= 0, "two calls in one poll: " + idle);
        }
        assertEquals(1, published(storeId).size());
    }

    /**
     * PostgreSQL refuses new connections and drops every connection of the poller again and again for a few seconds (a
     * restart, a failover) while store snapshots arrive: each waits for the database and is kept, none is
     * dead-lettered. Only the malformed marker sent afterwards for each store reaches the dead-letter topic, and a
     * store's records are handled in order, so a dead-lettered snapshot would have come before it.
     */
    @Test
    void snapshotsArrivingWhileTheDatabaseDropsConnectionsAreKeptNotDeadLettered() throws Exception {
        SandboxStores.Store store = SandboxStores.create();
        List<Long> storeIds = new ArrayList<>();
        CompletableFuture<Integer> outage = ConnectionDropper.dropFor(Duration.ofSeconds(4));
        for (int i = 0; i < 12; i++) {
            long storeId = newStoreId();
            storeIds.add(storeId);
            send(Topics.STORE_SETTINGS, snapshot(storeId, 1, false, store.domain(), store.token(), List.of(1L)));
            Thread.sleep(300);
        }
        assertTrue(outage.get() > 0, "the poller's connections were dropped");
        String marker = "not json, after the outage";
        storeIds.forEach(storeId -> send(Topics.STORE_SETTINGS, Long.toString(storeId), marker));

        for (long storeId : storeIds) {
            await().atMost(WAIT).until(() -> !settingsDlq.forKey(storeId).isEmpty());
            assertEquals(List.of(marker), settingsDlq.forKey(storeId).stream().map(ConsumerRecord::value).toList(),
                    "only the marker of store " + storeId + " is dead-lettered");
            assertEquals(1, snapshots.find(storeId).orElseThrow().version());
            assertFalse(schedule.find(storeId).orElseThrow().active());
        }
    }

    @Test
    void aStoreThatIsNotActiveIsNotPolledAndIsPolledAtOnceWhenEnabled() throws InterruptedException {
        long storeId = newStoreId();
        SandboxStores.Store store = SandboxStores.createWithAnOrder();
        String domain = store.domain();

        send(Topics.STORE_SETTINGS, snapshot(storeId, 1, false, domain, store.token(), List.of(1L)));
        await().atMost(WAIT).until(() -> schedule.find(storeId).isPresent());
        assertFalse(schedule.find(storeId).orElseThrow().active());
        PollMarker marker = PollMarker.connect();
        marker.awaitMorePolls(2);
        assertEquals(0, SandboxStores.calls(domain).size(), "a disabled store is never called");

        send(Topics.STORE_SETTINGS, snapshot(storeId, 2, true, domain, store.token(), List.of(1L)));
        await().atMost(Duration.ofSeconds(15)).until(() -> published(storeId).size() == 1);

        send(Topics.STORE_SETTINGS, snapshot(storeId, 3, false, domain, store.token(), List.of(1L)));
        await().atMost(WAIT).until(() -> !schedule.find(storeId).orElseThrow().active());
        marker.awaitMorePolls(2); // a poll claimed just before may still finish
        int calls = SandboxStores.calls(domain).size();
        marker.awaitMorePolls(2);
        assertEquals(calls, SandboxStores.calls(domain).size(), "polling stopped once the store was disabled");
    }

    @Test
    void rejectedCredentialsPauseTheStoreUntilNewCredentialsArrive() throws InterruptedException {
        long storeId = newStoreId();
        SandboxStores.Store store = SandboxStores.createWithAnOrder();
        String domain = store.domain();

        send(Topics.STORE_SETTINGS, snapshot(storeId, 1, true, domain, "revoked-" + store.token(), List.of(1L)));
        await().atMost(WAIT).until(() -> activities(storeId).stream().anyMatch(e -> e.kind().equals("poll_failed")));
        ActivityRecorded failure = activities(storeId).stream().filter(e -> e.kind().equals("poll_failed")).findFirst().orElseThrow();
        assertEquals(ActivityRecorded.Level.error, failure.level());
        assertTrue(failure.message().contains("rejected the access token (HTTP 401)"), failure.message());
        assertTrue(failure.message().contains("paused"), failure.message());
        assertNotNull(schedule.find(storeId).orElseThrow().pausedReason());
        PollMarker.connect().awaitMorePolls(3);
        assertEquals(1, SandboxStores.listCalls(domain).size(), "a paused store is not polled again");
        assertTrue(raw().forKey(storeId).isEmpty());

        // The merchant reconnects with a valid token: polling resumes at once.
        send(Topics.STORE_SETTINGS, snapshot(storeId, 2, true, domain, store.token(), List.of(1L)));
        await().atMost(Duration.ofSeconds(15)).until(() -> published(storeId).size() == 1);
        assertNull(schedule.find(storeId).orElseThrow().pausedReason());
    }

    @Test
    void aMalformedSnapshotGoesToTheDeadLetterTopicAndStaleSnapshotsAreIgnored() {
        long storeId = newStoreId();
        SandboxStores.Store store = SandboxStores.createWithAnOrder();
        String domain = store.domain();
        String key = Long.toString(storeId);

        send(Topics.STORE_SETTINGS, snapshot(storeId, 2, true, domain, store.token(), List.of(1L)));
        send(Topics.STORE_SETTINGS, key, "this is not json");
        send(Topics.STORE_SETTINGS, snapshot(storeId, 1, false, domain, store.token(), List.of(1L))); // stale
        send(Topics.STORE_SETTINGS, key, "{\"eventType\":\"StoreIntegrationChanged\"}");

        // Both bad records are dead-lettered with a reason, in order, so the stale snapshot between them was consumed too.
        await().atMost(WAIT).until(() -> settingsDlq.forKey(storeId).size() == 2);
        List<ConsumerRecord<String, String>> dead = settingsDlq.forKey(storeId);
        assertEquals("this is not json", dead.get(0).value());
        assertTrue(header(dead.get(0), "dead-letter-reason").contains("not JSON"), header(dead.get(0), "dead-letter-reason"));
        assertTrue(header(dead.get(1), "dead-letter-reason").contains("missing"), header(dead.get(1), "dead-letter-reason"));

        assertEquals(2, snapshots.find(storeId).orElseThrow().version());
        assertTrue(schedule.find(storeId).orElseThrow().active());
        await().atMost(WAIT).until(() -> published(storeId).size() == 1);

        // A tombstone (store deleted): no longer polled.
        send(Topics.STORE_SETTINGS, key, null);
        await().atMost(WAIT).until(() -> !schedule.find(storeId).orElseThrow().active());
        assertTrue(snapshots.find(storeId).isEmpty());
    }

    private static Instant at(JsonNode call) {
        return Instant.parse(call.path("at").asText());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
