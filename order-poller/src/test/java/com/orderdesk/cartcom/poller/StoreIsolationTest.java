package com.orderdesk.cartcom.poller;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.poller.repository.PollScheduleRepository;
import com.orderdesk.cartcom.poller.support.PollMarker;
import com.orderdesk.cartcom.poller.support.PollerTestBase;
import com.orderdesk.cartcom.poller.support.SandboxStores;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Stores whose Cart.com hangs (answers only after the request timeout), is down (500) or throttles (429) never delay
 * the polls of the other stores, on an instance with only two polling workers: healthy stores' new orders are
 * published within their interval plus a little, while the failing stores record their failures. With in-place call
 * retries on (as in production): a 500 is retried within the poll, a timeout or a long Retry-After is not.
 */
@QuarkusTest
@TestProfile(StoreIsolationTest.TwoWorkersAndSlowCartcom.class)
class StoreIsolationTest extends PollerTestBase {
    static final Duration INTERVAL = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(12);
    /** Interval plus the claim tick, the poll and Kafka: far below a hang (the request timeout) behind another store. */
    static final Duration WITHIN = INTERVAL.plusSeconds(4);

    public static class TwoWorkersAndSlowCartcom implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "poller.interval-override", "PT2S",
                    "poller.workers", "2",
                    "poller.retry-workers", "1",
                    "poller.slow-poll-after", "PT0.5S",
                    "poller.tick", "PT0.5S",
                    "poller.call-retries", "2",
                    "cartcom.request-timeout", REQUEST_TIMEOUT.toString(),
                    // Every call checks the store's domain as in production, answered by AttackerDns.
                    "cartcom.check-store-addresses", "true");
        }
    }

    @Inject
    PollScheduleRepository schedule;

    @Test
    void hangingDownAndThrottledStoresDoNotDelayTheOthers() {
        List<SandboxStores.Store> healthy = new ArrayList<>();
        Map<SandboxStores.Store, Long> healthyIds = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            SandboxStores.Store store = SandboxStores.createWithAnOrder();
            healthy.add(store);
            healthyIds.put(store, connect(store, List.of(1L)));
        }
        await().atMost(WAIT).until(() -> healthyIds.values().stream().allMatch(id -> published(id).size() == 1));

        // Four stores that answer only long after the request timeout, one that is down, one that throttles.
        List<Long> hanging = new ArrayList<>();
        List<String> hangingDomains = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SandboxStores.Store store = SandboxStores.create();
            SandboxStores.faults(store.domain(), Map.of("timeout_rate", 1.0, "timeout_ms", REQUEST_TIMEOUT.toMillis() + 8_000));
            hangingDomains.add(store.domain());
            hanging.add(connect(store, List.of(1L)));
        }
        SandboxStores.Store down = SandboxStores.create();
        SandboxStores.faults(down.domain(), Map.of("error_rate", 1.0));
        long downId = connect(down, List.of(1L));
        SandboxStores.Store throttled = SandboxStores.create(Map.of("window_seconds", 20));
        SandboxStores.faults(throttled.domain(), Map.of("rate_limited_rate", 1.0));
        long throttledId = connect(throttled, List.of(1L));

        try {
            // While every hanging store waits on its first call at once (twice as many as there are workers)...
            await().atMost(WAIT).until(() -> hanging.stream().allMatch(id -> schedule.find(id).orElseThrow().leaseOwner() != null));
            assertNewOrdersPublishedInTime(healthy, healthyIds);
            // ...still waiting: the healthy stores polled twice more while every hanging store's first call is still
            // out (its lease held, no failure recorded)...
            awaitMorePolls(healthyIds.values(), 2);
            for (long id : hanging) {
                assertTrue(failures(id).isEmpty(), "store " + id + " still waits on its first call: " + failures(id));
                assertNotNull(schedule.find(id).orElseThrow().leaseOwner(), "store " + id + " still holds its lease");
            }
            assertNewOrdersPublishedInTime(healthy, healthyIds);
            // ...and once they failed and are retried (hanging again) apart from the healthy stores.
            await().atMost(WAIT).until(() -> hanging.stream().allMatch(id -> failures(id).size() >= 1));
            assertNewOrdersPublishedInTime(healthy, healthyIds);

            for (long id : hanging) {
                assertTrue(failures(id).get(0).message().contains("within"), failures(id).get(0).message());
                assertTrue(schedule.find(id).orElseThrow().consecutiveFailures() >= 1);
            }
            await().atMost(WAIT).until(() -> !failures(downId).isEmpty());
            assertTrue(schedule.find(downId).orElseThrow().consecutiveFailures() >= 1);
            // Throttling is no failure: the store waits as Retry-After says and keeps its healthy standing.
            List<JsonNode> throttledCalls = SandboxStores.calls(throttled.domain());
            assertTrue(!throttledCalls.isEmpty() && throttledCalls.stream().allMatch(c -> c.path("status").asInt() == 429),
                    throttledCalls.toString());
            assertTrue(failures(throttledId).isEmpty());
            assertEquals(0, schedule.find(throttledId).orElseThrow().consecutiveFailures());
        } finally {
            hangingDomains.forEach(d -> SandboxStores.faults(d, Map.of()));
        }
    }

    @Test
    void aFailedCallIsRetriedInPlaceOnlyWhenTheWaitIsShort() throws InterruptedException {
        SandboxStores.Store down = SandboxStores.create();
        SandboxStores.faults(down.domain(), Map.of("error_rate", 1.0));
        long downId = connect(down, List.of(1L));
        SandboxStores.Store throttled = SandboxStores.create(Map.of("window_seconds", 20));
        SandboxStores.faults(throttled.domain(), Map.of("rate_limited_rate", 1.0));
        connect(throttled, List.of(1L));

        // 500 without Retry-After: the call and its 2 retries (0.5 s, then 1 s, +-20%) before the poll fails; the
        // next poll comes only after the poll backoff (2 s +-20%), so three polls would span more than 4 s.
        await().atMost(WAIT).until(() -> !failures(downId).isEmpty());
        List<JsonNode> calls = SandboxStores.listCalls(down.domain());
        assertTrue(calls.size() >= 3, calls.toString());
        Duration span = Duration.between(Instant.parse(calls.get(0).path("at").asText()),
                Instant.parse(calls.get(2).path("at").asText()));
        assertTrue(span.compareTo(Duration.ofMillis(1_100)) >= 0 && span.compareTo(Duration.ofSeconds(3)) < 0,
                "three calls of one poll, " + span + " apart: " + calls);
        // 429 asking for about 20 s (over call-retry-max-wait): no retry in place, the store waits as asked.
        await().atMost(WAIT).until(() -> !SandboxStores.calls(throttled.domain()).isEmpty());
        PollMarker.connect().awaitMorePolls(3); // polls or backoffs of 2 s would have come twice by now
        assertEquals(1, SandboxStores.calls(throttled.domain()).size(), SandboxStores.calls(throttled.domain()).toString());
    }

    /** One new order on each healthy store, each published within the interval plus a little. */
    private static void assertNewOrdersPublishedInTime(List<SandboxStores.Store> stores, Map<SandboxStores.Store, Long> ids) {
        Map<SandboxStores.Store, NewOrder> created = new HashMap<>();
        for (SandboxStores.Store store : stores) {
            Instant before = Instant.now();
            created.put(store, new NewOrder(SandboxStores.seed(store.domain(), 1, 1).get(0), before));
        }
        created.forEach((store, order) -> {
            long storeId = ids.get(store);
            await().atMost(WAIT).until(() -> publishedAt(storeId, order.id()).isPresent());
            Duration took = Duration.between(order.createdAt(), publishedAt(storeId, order.id()).orElseThrow());
            assertTrue(took.compareTo(WITHIN) <= 0,
                    "order " + order.id() + " of " + store.domain() + " published after " + took + ", more than " + WITHIN);
        });
    }

    /** Waits until each store has been polled successfully {@code more} further times (its poll activity). */
    private static void awaitMorePolls(Collection<Long> storeIds, int more) {
        Map<Long, Long> before = new HashMap<>();
        storeIds.forEach(id -> before.put(id, polls(id)));
        await().atMost(WAIT).until(() -> storeIds.stream().allMatch(id -> polls(id) >= before.get(id) + more));
    }

    private static long polls(long storeId) {
        return activities(storeId).stream().filter(e -> e.kind().equals("poll")).count();
    }

    private record NewOrder(long id, Instant createdAt) {
    }

    /** When the poller sent the order (the record's timestamp), if it did. */
    private static Optional<Instant> publishedAt(long storeId, long cartOrderId) {
        for (ConsumerRecord<String, String> record : raw().forKey(storeId)) {
            if (EventCodec.read(record.value(), CartOrderFetched.class).cartOrderId() == cartOrderId) {
                return Optional.of(Instant.ofEpochMilli(record.timestamp()));
            }
        }
        return Optional.empty();
    }

    private static List<ActivityRecorded> failures(long storeId) {
        return activities(storeId).stream().filter(e -> e.kind().equals("poll_failed")).toList();
    }
}
