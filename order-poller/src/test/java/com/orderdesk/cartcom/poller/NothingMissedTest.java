package com.orderdesk.cartcom.poller;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.poller.support.PollerTestBase;
import com.orderdesk.cartcom.poller.support.SandboxStores;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every order once: nothing skipped while the list changes under a poll, nothing published again and again. */
@QuarkusTest
class NothingMissedTest extends PollerTestBase {

    @Test
    void ordersLeavingTheFilterWhileAPollPagesDoNotHideTheOrdersBehindThem() {
        SandboxStores.Store store = SandboxStores.create();
        List<Long> ids = SandboxStores.seed(store.domain(), 6, 1);
        // The importer sets the "after import" status (3, Shipped) on the first page's orders right after page 1.
        // With offset paging, page 2 would then start at the 5th order and the 3rd and 4th would be skipped.
        SandboxStores.armListHook(store.domain(), 1, ids.subList(0, 2), 3);

        long storeId = connect(store, List.of(1L));
        await().atMost(WAIT).until(() -> pollActivities(storeId, 6) + pollActivities(storeId, 0) > 0);
        assertTrue(SandboxStores.listHookFired(store.domain()));
        ActivityRecorded firstPoll = activities(storeId).stream().filter(e -> e.kind().equals("poll")).findFirst().orElseThrow();
        assertEquals(6L, firstPoll.counts().get("ordersFound"), "the first poll found every order: " + firstPoll.message());
        assertEquals(ids, published(storeId).stream().map(CartOrderFetched::cartOrderId).sorted().toList());
    }

    @Test
    void ordersCreatedOrChangedDuringPollsAreFoundOnceByTheNextPoll() throws InterruptedException {
        SandboxStores.Store store = SandboxStores.create();
        List<Long> expected = new ArrayList<>(SandboxStores.seed(store.domain(), 5, 1));
        long cancelled = SandboxStores.seed(store.domain(), 1, 4).get(0);
        // Mid-poll, an order that was not downloadable (cancelled) becomes so: a fresh updated_at behind the walk.
        SandboxStores.armListHook(store.domain(), 1, List.of(cancelled), 1);
        expected.add(cancelled);

        long storeId = connect(store, List.of(1L));
        // Orders keep arriving while polls (every 2 s) run.
        for (int i = 0; i < 12; i++) {
            expected.addAll(SandboxStores.seed(store.domain(), 1, 1));
            Thread.sleep(350);
        }
        await().atMost(WAIT).until(() -> published(storeId).size() >= expected.size());
        awaitPolls(storeId, 0, 2);
        assertOncePerOrder(storeId, expected);
    }

    @Test
    void withoutAnAfterImportStatusEachVersionOfAnOrderIsPublishedOnce() {
        SandboxStores.Store store = SandboxStores.create();
        List<Long> ids = SandboxStores.seed(store.domain(), 3, 1);
        long storeId = connect(store, List.of(1L, 2L));
        await().atMost(WAIT).until(() -> published(storeId).size() >= 3);
        // The orders stay in the download statuses; every poll re-reads them in the overlap window.
        awaitPolls(storeId, 0, 3);
        assertOncePerOrder(storeId, ids);

        // A change to another download status is a new version: published once more, then quiet again.
        SandboxStores.setStatus(store.domain(), ids.get(0), 2);
        await().atMost(WAIT).until(() -> published(storeId).size() >= 4);
        awaitPolls(storeId, 0, 3);
        List<CartOrderFetched> events = published(storeId);
        assertEquals(4, events.size());
        assertEquals(ids.get(0), events.get(3).cartOrderId());
        assertEquals(2, events.get(3).order().get("order_status_id").asLong());
    }

    /**
     * Real-world listings: a burst of orders sharing one updated_at (more than a page, so read by id), every 5th
     * listed with updated_at "" or null. Every order is published once, and no poll fails over the odd ones.
     */
    @Test
    void oddAndTiedUpdatedAtNeitherStopTheStoreNorRepeatOrders() {
        SandboxStores.Store store = SandboxStores.create(Map.of("real_world", List.of("odd_dates", "updated_at_ties")));
        List<Long> ids = SandboxStores.seed(store.domain(), 12, 1);
        long storeId = connect(store, List.of(1L));
        await().atMost(WAIT).until(() -> published(storeId).size() >= ids.size());
        awaitPolls(storeId, 0, 2);
        assertOncePerOrder(storeId, ids);
        assertEquals("", published(storeId).stream().filter(e -> e.cartOrderId() == ids.get(4)).findFirst().orElseThrow()
                .order().path("updated_at").asText(), "the 5th order came as the store listed it");
        assertTrue(activities(storeId).stream().noneMatch(e -> e.kind().equals("poll_failed")), activities(storeId).toString());
    }

    /**
     * A store keeping New York time (dst_zone) whose odd orders list updated_at as local time without offset, connected
     * to an Order Desk store in Chicago: read as Chicago time that date is an hour ahead of the truth. The orders placed
     * after it, in later polls, must all arrive: the walk never takes a guessed date for its cursor.
     */
    @Test
    void aLocalTimeInAnotherZoneDoesNotMoveTheCursorPastLaterOrders() {
        SandboxStores.Store store = SandboxStores.create(Map.of("real_world", List.of("odd_dates", "dst_zone")));
        List<Long> ids = new ArrayList<>(SandboxStores.seed(store.domain(), 15, 1)); // the 5th, 10th, 15th are odd
        long storeId = connect(store, List.of(1L));
        await().atMost(WAIT).until(() -> published(storeId).size() >= ids.size());
        List<Long> later = SandboxStores.seed(store.domain(), 3, 1);
        ids.addAll(later);
        await().atMost(WAIT).until(() -> published(storeId).size() >= ids.size());
        assertOncePerOrder(storeId, ids);
    }

    /** A store that answers at most 2 orders a page (the poller asks 3) with a next_page: one poll walks them all. */
    @Test
    void aBacklogOfManyCappedPagesIsWalkedToItsEndInOnePoll() {
        SandboxStores.Store store = SandboxStores.create(Map.of("real_world", List.of("count_cap"), "count_cap", 2));
        List<Long> ids = SandboxStores.seed(store.domain(), 12, 1);
        long storeId = connect(store, List.of(1L));
        await().atMost(WAIT).until(() -> pollActivities(storeId, 12) + pollActivities(storeId, 0) > 0);
        ActivityRecorded firstPoll = activities(storeId).stream().filter(e -> e.kind().equals("poll")).findFirst().orElseThrow();
        assertEquals(12L, firstPoll.counts().get("ordersFound"), "the first poll found every order: " + firstPoll.message());
        assertOncePerOrder(storeId, ids);
        assertTrue(SandboxStores.listCalls(store.domain()).stream().anyMatch(c -> "3".equals(SandboxStores.param(c, "count"))),
                "the poller asked for more than the store's cap");
    }

    private static void assertOncePerOrder(long storeId, List<Long> expected) {
        Map<Long, Long> times = published(storeId).stream()
                .collect(Collectors.groupingBy(CartOrderFetched::cartOrderId, Collectors.counting()));
        List<Long> sorted = new ArrayList<>(expected);
        Collections.sort(sorted);
        assertEquals(sorted, times.keySet().stream().sorted().toList());
        assertEquals(Map.of(), times.entrySet().stream().filter(e -> e.getValue() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "published more than once");
    }
}
