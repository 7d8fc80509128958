package com.orderdesk.cartcom.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.devstack.DevStackTestResource;
import com.orderdesk.cartcom.model.auth.ApiKeys;
import com.orderdesk.cartcom.model.crypto.EncryptedToken;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.EventHeaders;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.settings.support.Api;
import com.orderdesk.cartcom.settings.support.Api.TestStore;
import com.orderdesk.cartcom.settings.support.FakeCartcom;
import com.orderdesk.cartcom.settings.support.Topic;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "settings"))
@QuarkusTestResource(value = FakeCartcom.class, restrictToAnnotatedClass = false)
class SnapshotPublishingTest {

    @Inject
    TokenCrypto crypto;

    @Test
    void everyChangePublishesTheFullSnapshotWithTheTokenSealed() {
        TestStore store = Api.createStore("Europe/Paris");
        String domain = Api.domain("shop");
        String token = Api.validToken();
        Api.connect(store, domain, token);
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
        assertEquals(token, crypto.decrypt(store.id(), new EncryptedToken(last.keyId(), last.encryptedToken())));
        assertEquals(ApiKeys.hash(store.apiKey()), last.apiKeyHash());
        assertEquals("Europe/Paris", last.timezone());
        assertEquals(10, last.checkIntervalMinutes());
        assertEquals(List.of(1L), last.downloadStatusIds());
        assertEquals(folder, last.folderId());
        assertEquals(2L, last.afterImportStatusId());
        assertEquals(3L, last.afterShipmentStatusId());
        assertTrue(last.syncTrackingNumbers());
        assertEquals("CC-", last.orderPrefix());
        assertEquals(List.of("New", "Prepared", "Closed", "Canceled"),
                last.folders().stream().map(com.orderdesk.cartcom.model.events.Folder::name).toList());
    }

    @Test
    void folderChangesAndDisconnectsArePublishedToo() {
        TestStore store = Api.createStore();
        Api.connect(store, Api.domain("shop"), Api.validToken());
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
    void aFailedConnectionCheckPublishesNothing() throws InterruptedException {
        TestStore store = Api.createStore();
        store.as().body(Map.of("domain", Api.domain("limited"), "access_token", Api.validToken()))
                .put(store.cartcom("/connection")).then().statusCode(422);
        Thread.sleep(1_000); // several relay runs
        store.as().body(Map.of("name", "After")).post(store.path("/folders")).then().statusCode(201);
        List<StoreIntegrationChanged> snapshots = snapshots(store, 2);
        assertEquals(List.of(1L, 2L), snapshots.stream().map(StoreIntegrationChanged::version).toList());
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
