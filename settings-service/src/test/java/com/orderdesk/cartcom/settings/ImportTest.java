package com.orderdesk.cartcom.settings;

import static com.orderdesk.cartcom.settings.support.Activities.at;
import static com.orderdesk.cartcom.settings.support.Activities.publish;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded.Level;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.ManualImportRequested;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.settings.support.Api.TestStore;
import com.orderdesk.cartcom.settings.support.Api;
import com.orderdesk.cartcom.settings.support.ServiceTestBase;
import com.orderdesk.cartcom.settings.support.Topic;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportTest extends ServiceTestBase {

    @Test
    void aDateIsMidnightInAStoreAtUtcMinus6() {
        // Chicago in January is UTC-06:00: midnight there is 06:00 UTC.
        expectPublishedSince("America/Chicago", "2024-01-15", Instant.parse("2024-01-15T06:00:00Z"));
    }

    @Test
    void aDateIsMidnightInAStoreAtUtcPlus0530() {
        // Kolkata is UTC+05:30 all year: midnight there is 18:30 UTC the day before.
        expectPublishedSince("Asia/Kolkata", "2024-01-15", Instant.parse("2024-01-14T18:30:00Z"));
    }

    /** The import answers and stores the instant, and the poller is asked for exactly that instant. */
    private static void expectPublishedSince(String timezone, String date, Instant expected) {
        TestStore store = Api.configuredStore(timezone);
        String importId = store.as().body(Map.of("since", date)).post(store.cartcom("/imports"))
                .then().statusCode(202)
                .body("status", equalTo("queued"))
                .body("import_id", notNullValue())
                .body("since", equalTo(expected.toString()))
                .extract().jsonPath().getString("import_id");

        store.as().get(store.cartcom("/imports/" + importId)).then().statusCode(200)
                .body("import_id", equalTo(importId))
                .body("status", equalTo("queued"))
                .body("since", equalTo(expected.toString()))
                .body("orders_found", equalTo(0));

        List<ConsumerRecord<String, String>> records = Topic.readKey(Topics.IMPORT_REQUESTS, String.valueOf(store.id()),
                found -> !found.isEmpty());
        ManualImportRequested request = EventCodec.read(records.get(0).value(), ManualImportRequested.class);
        assertEquals(UUID.fromString(importId), request.importId());
        assertEquals(expected, request.since());
        assertEquals(store.id(), request.storeId());
    }

    @Test
    void anInstantIsTakenAsIs() {
        TestStore store = Api.configuredStore();
        Instant since = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        store.as().body(Map.of("since", since.toString())).post(store.cartcom("/imports"))
                .then().statusCode(202).body("since", equalTo(since.toString()));
    }

    @Test
    void aFutureOrMalformedSinceIsRefused() {
        TestStore store = Api.configuredStore();
        String tomorrowInTheStore = LocalDate.now(ZoneId.of("America/Chicago")).plusDays(1).toString();
        store.as().body(Map.of("since", tomorrowInTheStore)).post(store.cartcom("/imports"))
                .then().statusCode(422).body("error.code", equalTo("invalid_since"));
        store.as().body(Map.of("since", Instant.now().plusSeconds(3600).toString())).post(store.cartcom("/imports"))
                .then().statusCode(422).body("error.code", equalTo("invalid_since"));
        store.as().body(Map.of("since", "last tuesday")).post(store.cartcom("/imports"))
                .then().statusCode(422).body("error.code", equalTo("invalid_since"));
    }

    @Test
    void anUnconnectedStoreCannotImport() {
        TestStore store = Api.createStore();
        store.as().body(Map.of("since", "2024-01-01")).post(store.cartcom("/imports"))
                .then().statusCode(409).body("error.code", equalTo("not_connected"));
    }

    @Test
    void anotherStoresImportIsNotFound() {
        TestStore store = Api.configuredStore();
        TestStore other = Api.configuredStore();
        String importId = requestImport(other);
        store.as().get(store.cartcom("/imports/" + importId)).then().statusCode(404).body("error.code", equalTo("not_found"));
        store.as().get(store.cartcom("/imports/not-a-uuid")).then().statusCode(404);
    }

    @Test
    void progressComesFromActivityCarryingTheImportId() {
        TestStore store = Api.configuredStore();
        String importId = requestImport(store);
        UUID id = UUID.fromString(importId);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(at(ActivityRecorded.of(store.id(), ActivityKinds.IMPORT_PROGRESS, Level.info, "Sweeping"), t0)
                .withImportId(id).withCounts(Map.of(ActivityKinds.COUNT_ORDERS_FOUND, 3L)));
        publish(ActivityRecorded.of(store.id(), ActivityKinds.ORDER_IMPORTED, Level.info, "Imported 1").withImportId(id));
        ActivityRecorded second = ActivityRecorded.of(store.id(), ActivityKinds.ORDER_IMPORTED, Level.info, "Imported 2").withImportId(id);
        publish(second);
        publish(second); // redelivered: counted once
        publish(ActivityRecorded.of(store.id(), ActivityKinds.ORDER_SKIPPED, Level.info, "Already there").withImportId(id));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                store.as().get(store.cartcom("/imports/" + importId)).then()
                        .body("status", equalTo("running"))
                        .body("orders_found", equalTo(3))
                        .body("orders_imported", equalTo(2))
                        .body("orders_skipped", equalTo(1))
                        .body("started_at", equalTo(t0.toString())));

        publish(ActivityRecorded.of(store.id(), ActivityKinds.IMPORT_COMPLETED, Level.info, "Done").withImportId(id));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                store.as().get(store.cartcom("/imports/" + importId)).then()
                        .body("status", equalTo("completed"))
                        .body("finished_at", notNullValue())
                        .body("orders_imported", equalTo(2)));
    }

    @Test
    void aFailedImportSaysWhyAndCountsItsFailedOrders() {
        TestStore store = Api.configuredStore();
        String importId = requestImport(store);
        UUID id = UUID.fromString(importId);
        publish(ActivityRecorded.of(store.id(), ActivityKinds.ORDER_FAILED, Level.error, "Order 7 has no items")
                .withImportId(id).withCartOrderId(7L));
        publish(ActivityRecorded.of(store.id(), ActivityKinds.IMPORT_FAILED, Level.error,
                "Manual import failed: Cart.com rejected the access token").withImportId(id));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                store.as().get(store.cartcom("/imports/" + importId)).then()
                        .body("status", equalTo("failed"))
                        .body("orders_failed", equalTo(1))
                        .body("finished_at", notNullValue())
                        .body("message", equalTo("Manual import failed: Cart.com rejected the access token")));
    }

    @Test
    void aStoreWithoutSavedSettingsCannotImport() {
        TestStore store = Api.connectedStore();
        store.as().body(Map.of("since", "2024-01-01")).post(store.cartcom("/imports"))
                .then().statusCode(409).body("error.code", equalTo("settings_required"));
    }

    /** An import since January 1st, 2024; answers its id. */
    private static String requestImport(TestStore store) {
        return store.as().body(Map.of("since", "2024-01-01")).post(store.cartcom("/imports"))
                .then().statusCode(202).extract().jsonPath().getString("import_id");
    }
}
