package com.orderdesk.cartcom.poller;

import static com.orderdesk.cartcom.poller.support.KafkaTestSupport.send;
import static com.orderdesk.cartcom.poller.support.KafkaTestSupport.snapshot;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.ManualImportRequested;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.poller.support.PollerTestBase;
import com.orderdesk.cartcom.poller.support.SandboxStores;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Manual imports from cartcom.import-requests.v1: the sweep, its progress, and its resumption after a restart. */
@QuarkusTest
class ManualImportTest extends PollerTestBase {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aManualImportSweepsOrdersPlacedSinceTheDateAndReportsProgress() {
        SandboxStores.Store store = SandboxStores.create();
        Instant fortyDaysAgo = Instant.now().minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.SECONDS);
        List<Long> expected = List.of(SandboxStores.createOrder(store.domain(), 1, fortyDaysAgo),
                SandboxStores.createOrder(store.domain(), 1, fortyDaysAgo.plusSeconds(60)),
                SandboxStores.createOrder(store.domain(), 1, fortyDaysAgo.plusSeconds(120)));
        SandboxStores.createOrder(store.domain(), 1, Instant.now().minus(Duration.ofDays(70))); // before "since"
        SandboxStores.createOrder(store.domain(), 5, fortyDaysAgo); // not a download status
        // The request may arrive before the store's snapshot (two topics): the import waits for it.
        long storeId = newStoreId();
        UUID importId = UUID.randomUUID();
        send(Topics.IMPORT_REQUESTS, ManualImportRequested.of(storeId, importId, Instant.now().minus(Duration.ofDays(60))));
        send(Topics.STORE_SETTINGS, snapshot(storeId, 1, true, store.domain(), store.token(), List.of(1L)));

        ActivityRecorded done = awaitCompleted(storeId, importId);
        assertEquals(3L, done.counts().get("ordersFound"));
        assertTrue(activities(storeId).stream().anyMatch(e -> e.kind().equals("import_progress") && importId.equals(e.importId())));
        List<CartOrderFetched> imported = imported(storeId, importId, expected.size());
        assertEquals(expected, imported.stream().map(CartOrderFetched::cartOrderId).toList());
        assertTrue(imported.stream().allMatch(e -> e.customer() != null && e.shippingAddress() != null));
        assertTrue(imported.stream().allMatch(e -> Long.valueOf(1).equals(e.storeVersion())), "fetched under version 1");
        JsonNode sweep = SandboxStores.listCalls(store.domain()).stream()
                .filter(call -> SandboxStores.param(call, "ordered_at") != null).findFirst().orElseThrow();
        assertTrue(SandboxStores.param(sweep, "ordered_at").startsWith("gte:") && SandboxStores.param(sweep, "ordered_at").endsWith("Z"));
        assertEquals("ordered_at,id", SandboxStores.param(sweep, "sort"));
    }

    /** The 5th order is listed with ordered_at "" (real-world odd dates): the import still sweeps every order. */
    @Test
    void anOrderListedWithoutAReadableOrderedAtDoesNotStopTheImport() {
        SandboxStores.Store store = SandboxStores.create(Map.of("real_world", List.of("odd_dates")));
        Instant base = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(SandboxStores.createOrder(store.domain(), 1, base.plusSeconds(60L * i)));
        }
        long storeId = newStoreId();
        UUID importId = UUID.randomUUID();
        send(Topics.STORE_SETTINGS, snapshot(storeId, 1, true, store.domain(), store.token(), List.of(1L)));
        send(Topics.IMPORT_REQUESTS, ManualImportRequested.of(storeId, importId, base.minus(Duration.ofHours(1))));

        ActivityRecorded done = awaitCompleted(storeId, importId);
        assertEquals(6L, done.counts().get("ordersFound"), done.message());
        assertEquals(Set.copyOf(ids), imported(storeId, importId, 6).stream().map(CartOrderFetched::cartOrderId)
                .collect(Collectors.toSet()));
    }

    @Test
    void anImportCutShortByARestartResumesWhereItsSweepStopped() throws Exception {
        SandboxStores.Store store = SandboxStores.create();
        Instant base = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(SandboxStores.createOrder(store.domain(), 1, base.plusSeconds(60L * i)));
        }
        long storeId = connect(store, List.of(1L));
        await().atMost(WAIT).until(() -> published(storeId).size() >= 6); // the regular poll, not the import

        // An instance that died after Kafka acknowledged the first three orders of an import: its row as it left it.
        UUID importId = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO import_request (import_id, store_id, since, status, attempts, lease_owner, lease_until,
                         orders_found, started_at, cursor_ordered_at, cursor_order_id)
                     VALUES (?, ?, ?, 'running', 1, 'a-killed-instance', now() - interval '1 second', 3, now(), ?, ?)""")) {
            insert.setObject(1, importId);
            insert.setLong(2, storeId);
            insert.setTimestamp(3, Timestamp.from(base.minusSeconds(3600)));
            insert.setTimestamp(4, Timestamp.from(base.plusSeconds(120)));
            insert.setLong(5, ids.get(2));
            insert.executeUpdate();
        }

        ActivityRecorded done = awaitCompleted(storeId, importId);
        assertEquals(6L, done.counts().get("ordersFound"), done.message());
        assertEquals(ids.subList(3, 6), imported(storeId, importId, 3).stream().map(CartOrderFetched::cartOrderId).toList());
        assertTrue(activities(storeId).stream().anyMatch(e -> e.kind().equals("import_progress")
                && importId.equals(e.importId()) && e.message().contains("resumed")));
    }

    /**
     * Cart.com lists some orders without their items (every 4th here): an import holds them, and held orders are
     * retried by the store's poll, which is brought forward for them rather than left where the store's schedule had
     * it (an hour away here). Without that, a merchant importing from such a store would wait the check interval.
     */
    @Test
    void ordersAnImportHoldsAreRetriedByAPollBroughtForward() throws Exception {
        SandboxStores.Store store = SandboxStores.create(Map.of("real_world", List.of("expand_ignored")));
        long storeId = connect(store, List.of(1L));
        await().atMost(WAIT).until(() -> polls(storeId) > 0);
        await().atMost(WAIT).until(() -> update("UPDATE poll_schedule SET next_poll_at = now() + interval '1 hour' "
                + "WHERE store_id = ? AND lease_owner IS NULL", storeId) == 1);
        Instant base = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(SandboxStores.createOrder(store.domain(), 1, base.plusSeconds(60L * i)));
        }
        UUID importId = UUID.randomUUID();
        send(Topics.IMPORT_REQUESTS, ManualImportRequested.of(storeId, importId, base.minus(Duration.ofHours(1))));

        awaitCompleted(storeId, importId);
        List<Long> held = activities(storeId).stream().filter(e -> e.kind().equals("order_incomplete"))
                .map(ActivityRecorded::cartOrderId).distinct().toList();
        assertTrue(!held.isEmpty() && ids.containsAll(held), "the import held orders listed without items: " + held);
        // Only a poll publishes the held ones: the one brought forward, or the one an hour away.
        await().atMost(WAIT).until(() -> published(storeId).stream().map(CartOrderFetched::cartOrderId)
                .collect(Collectors.toSet()).containsAll(ids));
        assertTrue(published(storeId).stream().filter(e -> held.contains(e.cartOrderId()))
                .allMatch(e -> !e.order().path("items").isEmpty()), "published whole");
    }

    private static long polls(long storeId) {
        return activities(storeId).stream().filter(e -> e.kind().equals("poll")).count();
    }

    private int update(String statement, long storeId) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement ps = connection.prepareStatement(statement)) {
            ps.setLong(1, storeId);
            return ps.executeUpdate();
        }
    }

    private static ActivityRecorded awaitCompleted(long storeId, UUID importId) {
        await().atMost(WAIT).until(() -> activities(storeId).stream()
                .anyMatch(e -> e.kind().equals("import_completed") && importId.equals(e.importId())));
        return activities(storeId).stream().filter(e -> e.kind().equals("import_completed") && importId.equals(e.importId()))
                .findFirst().orElseThrow();
    }

    /**
     * The orders the import published, once {@code count} have been read back: the raw-orders topic is read by its
     * own consumer, which may be behind the activity topic's (or only start with this call).
     */
    private static List<CartOrderFetched> imported(long storeId, UUID importId, int count) {
        await().atMost(WAIT).until(() -> published(storeId).stream().filter(e -> importId.equals(e.importId())).count() >= count);
        return published(storeId).stream().filter(e -> importId.equals(e.importId())).toList();
    }
}
