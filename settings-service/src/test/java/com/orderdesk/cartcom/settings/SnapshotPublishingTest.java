package com.orderdesk.cartcom.settings;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.kit.outbox.OutboxRelayJob;
import com.orderdesk.cartcom.devstack.SandboxControl.SandboxStore;
import com.orderdesk.cartcom.model.auth.ApiKeys;
import com.orderdesk.cartcom.model.crypto.EncryptedToken;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.EventHeaders;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.settings.outbox.SnapshotPublisher;
import com.orderdesk.cartcom.settings.support.Api.TestStore;
import com.orderdesk.cartcom.settings.support.Api;
import com.orderdesk.cartcom.settings.support.Sandbox;
import com.orderdesk.cartcom.settings.support.ScheduledRuns;
import com.orderdesk.cartcom.settings.support.ServiceTestBase;
import com.orderdesk.cartcom.settings.support.Topic;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SnapshotPublishingTest extends ServiceTestBase {

    @Inject
    TokenCrypto crypto;

    @Inject
    Scheduler scheduler;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ScheduledRuns runs;

    @Test
    void everyChangePublishesTheFullSnapshotWithTheTokenSealed() {
        TestStore store = Api.createStore("Europe/Paris");
        SandboxStore cart = Sandbox.newStore();
        String domain = cart.domain();
        String token = cart.token();
        Api.connect(store, cart);
        long folder = store.as().get(store.path("/folders")).then().extract().jsonPath().getLong("[1].id");
        store.as().body(Map.of("enabled", true, "check_interval_minutes", 10, "download_status_ids", List.of(1),
                        "folder_id", folder, "after_import_status_id", 2, "after_shipment_status_id", 3,
                        "sync_tracking_numbers", true, "order_prefix", "CC-"))
                .put(store.cartcom("/settings")).then().statusCode(200);

        // created (1), connected (2), settings saved (3)
        List<StoreIntegrationChanged> snapshots = snapshots(store, 3);
        assertEquals(List.of(1L, 2L, 3L), snapshots.stream().map(StoreIntegrationChanged::version).toList());
        assertFalse(snapshots.get(0).connected());
        assertFalse(snapshots.get(0).active());

        StoreIntegrationChanged last = snapshots.get(2);
        assertEquals(store.id(), last.storeId());
        assertTrue(last.connected());
        assertTrue(last.enabled());
        assertTrue(last.active());
        assertEquals(domain, last.domain());
        assertFalse(last.encryptedToken().contains(token));
        assertEquals(token, crypto.decrypt(store.id(), domain, new EncryptedToken(last.keyId(), last.encryptedToken())));
        assertEquals("test", last.keyId(), "sealed with cartcom.token-key-id");
        String atRest = column(store, "SELECT encrypted_token || ' ' || token_key_id FROM cartcom_connection WHERE store_id = ?");
        assertFalse(atRest.contains(token), "the database holds only the sealed token");
        assertTrue(atRest.endsWith(" test"), atRest);
        assertEquals(ApiKeys.hash(store.apiKey()), last.apiKeyHash());
        assertEquals("Europe/Paris", last.timezone());
        assertEquals(10, last.checkIntervalMinutes());
        assertEquals(List.of(1L), last.downloadStatusIds());
        assertEquals(folder, last.folderId());
        assertEquals(2L, last.afterImportStatusId());
        assertEquals(3L, last.afterShipmentStatusId());
        assertTrue(last.syncTrackingNumbers());
        assertEquals("CC-", last.orderPrefix());
        assertEquals(StoreIntegrationChanged.AFTER_EACH_SHIPMENT, last.afterShipmentStatusWhen(), "the default");
        assertEquals(List.of("New", "Prepared", "Closed", "Canceled"),
                last.folders().stream().map(com.orderdesk.cartcom.model.events.Folder::name).toList());
    }

    @Test
    void folderChangesAndDisconnectsArePublishedToo() {
        TestStore store = Api.connectedStore();
        store.as().body(Map.of("name", "Rush")).post(store.path("/folders")).then().statusCode(201);
        store.as().delete(store.cartcom("/connection")).then().statusCode(200);

        List<StoreIntegrationChanged> snapshots = snapshots(store, 4);
        StoreIntegrationChanged withFolder = snapshots.get(2);
        assertEquals(5, withFolder.folders().size());
        assertEquals("Rush", withFolder.folders().get(4).name());
        StoreIntegrationChanged disconnected = snapshots.get(3);
        assertEquals(4L, disconnected.version());
        assertFalse(disconnected.connected());
        assertNull(disconnected.encryptedToken());
        assertFalse(disconnected.active());
    }

    @Test
    void aFailedConnectionCheckPublishesNothing() {
        TestStore store = Api.createStore();
        SandboxStore cart = Sandbox.newStore();
        store.as().body(Map.of("domain", cart.domain(), "access_token", "wrong-token"))
                .put(store.cartcom("/connection")).then().statusCode(422);
        // The folder's snapshot is the marker: a store's snapshots go out in the order committed, so one the failed
        // check published would come before it.
        store.as().body(Map.of("name", "After")).post(store.path("/folders")).then().statusCode(201);
        List<StoreIntegrationChanged> snapshots = snapshotsThrough(store,
                s -> s.folders().stream().anyMatch(f -> f.name().equals("After")));
        assertEquals(List.of(1L, 2L), snapshots.stream().map(StoreIntegrationChanged::version).toList());
    }

    @Test
    void aSnapshotCommittedWhileTheRelayIsStoppedGoesOutOnceWhenItRunsAgain() {
        TestStore store = Api.createStore();
        snapshots(store, 1);
        // The scheduler checks every trigger in rounds, one after another, about once a second: a probe job of the
        // relay's interval fires in each round, marking time in the scheduler's own terms.
        List<Instant> rounds = new CopyOnWriteArrayList<>();
        String probe = "snapshot-publishing-probe-" + UUID.randomUUID();
        scheduler.newJob(probe).setInterval("1s").setTask(run -> rounds.add(run.getFireTime())).schedule();
        scheduler.pause(OutboxRelayJob.IDENTITY);
        try {
            Instant paused = Instant.now();
            // A round begun after pause() means the relay fires no more (the round under way then may still have fired
            // it); then a run already under way has ended once the last firing's run (or skip, and the run before) did.
            awaitRoundsAfter(rounds, paused, 1);
            Instant lastFired = scheduler.getScheduledJob(OutboxRelayJob.IDENTITY).getPreviousFireTime();
            await().atMost(Duration.ofSeconds(20)).until(() -> runs.idle(OutboxRelayJob.IDENTITY, lastFired));
            store.as().body(Map.of("name", "While stopped")).post(store.path("/folders")).then().statusCode(201);
            Instant committed = Instant.now();
            // Committed with the change, not sent: the row waits through two rounds that would have fired the relay.
            awaitRoundsAfter(rounds, committed, 2);
            assertEquals(1, unsentRows(store));
            assertEquals(List.of(), runs.firedAfter(OutboxRelayJob.IDENTITY, paused), "no relay run while paused");
            assertTrue(snapshots(store, 1).stream().noneMatch(s -> s.version() == 2));
        } finally {
            scheduler.resume(OutboxRelayJob.IDENTITY);
            scheduler.unscheduleJob(probe);
        }
        List<StoreIntegrationChanged> sent = snapshots(store, 2);
        assertEquals("While stopped", sent.get(1).folders().get(4).name());
        await().atMost(Duration.ofSeconds(10)).until(() -> unsentRows(store) == 0);
        assertEquals(List.of(1L, 2L), snapshots(store, 2).stream().map(StoreIntegrationChanged::version).toList(),
                "sent once");
    }

    @Test
    void aDeletedStoreLeavesATombstoneAfterItsSnapshots() {
        TestStore store = Api.connectedStore();
        given().header("Authorization", "Bearer " + Api.ADMIN_TOKEN).delete(store.path(""))
                .then().statusCode(204);
        store.as().get(store.path("/folders")).then().statusCode(401);

        List<ConsumerRecord<String, String>> records = Topic.readKey(Topics.STORE_SETTINGS, String.valueOf(store.id()),
                found -> !found.isEmpty() && found.get(found.size() - 1).value() == null);
        assertEquals(3, records.size(), "created, connected, tombstone");
        ConsumerRecord<String, String> tombstone = records.get(2);
        assertEquals(SnapshotPublisher.TOMBSTONE_EVENT_TYPE,
                new String(tombstone.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8));
        assertEquals(2L, EventCodec.read(records.get(1).value(), StoreIntegrationChanged.class).version());
    }

    /** Waits until the scheduler fired the probe in {@code count} rounds begun after {@code after}. */
    private static void awaitRoundsAfter(List<Instant> rounds, Instant after, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> rounds.stream().filter(r -> r.isAfter(after)).count() >= count);
    }

    private long unsentRows(TestStore store) {
        return Long.parseLong(column(store, "SELECT count(*) FROM outbox_event WHERE record_key = ?::text AND sent_at IS NULL"));
    }

    /** The first column of the one row a query about the store answers ({@code ?} is the store id). */
    private String column(TestStore store, String sql) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, store.id());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The store's snapshots, read until one that {@code marker} holds for is among them. */
    private static List<StoreIntegrationChanged> snapshotsThrough(TestStore store, Predicate<StoreIntegrationChanged> marker) {
        return Topic.readKey(Topics.STORE_SETTINGS, String.valueOf(store.id()), found -> found.stream()
                        .anyMatch(r -> marker.test(EventCodec.read(r.value(), StoreIntegrationChanged.class))))
                .stream().map(r -> EventCodec.read(r.value(), StoreIntegrationChanged.class)).toList();
    }

    private static List<StoreIntegrationChanged> snapshots(TestStore store, int atLeast) {
        List<ConsumerRecord<String, String>> records = Topic.readKey(Topics.STORE_SETTINGS, String.valueOf(store.id()),
                found -> found.size() >= atLeast);
        for (ConsumerRecord<String, String> record : records) {
            assertEquals(StoreIntegrationChanged.TYPE,
                    new String(record.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8));
            assertNotNull(record.headers().lastHeader(EventHeaders.EVENT_ID));
        }
        return records.stream().map(r -> EventCodec.read(r.value(), StoreIntegrationChanged.class)).toList();
    }
}
