package com.orderdesk.cartcom.settings;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.orderdesk.cartcom.devstack.DevStackTestResource;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.ActivityRecorded.Level;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.ManualImportRequested;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.settings.support.Api;
import com.orderdesk.cartcom.settings.support.Api.TestStore;
import com.orderdesk.cartcom.settings.support.FakeCartcom;
import com.orderdesk.cartcom.settings.support.Topic;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
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
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "settings"))
@QuarkusTestResource(value = FakeCartcom.class, restrictToAnnotatedClass = false)
class ImportTest {

    @Test
    void aDateIsReadInTheStoresTimeZoneAndTheRequestIsPublished() {
        TestStore store = Api.configuredStore(); // America/Chicago
        LocalDate day = LocalDate.now(ZoneId.of("America/Chicago")).minusDays(3);
        String importId = store.as().body(Map.of("since", day.toString())).post(store.cartcom("/imports"))
                .then().statusCode(202)
                .body("status", equalTo("queued"))
                .body("import_id", notNullValue())
                .extract().jsonPath().getString("import_id");
        Instant expected = day.atStartOfDay(ZoneId.of("America/Chicago")).toInstant();

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
        store.as().body(Map.of("since", LocalDate.now().plusDays(2).toString())).post(store.cartcom("/imports"))
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
        String importId = other.as().body(Map.of("since", "2024-01-01")).post(other.cartcom("/imports"))
                .then().statusCode(202).extract().jsonPath().getString("import_id");
        store.as().get(store.cartcom("/imports/" + importId)).then().statusCode(404).body("error.code", equalTo("not_found"));
        store.as().get(store.cartcom("/imports/not-a-uuid")).then().statusCode(404);
    }

    @Test
    void progressComesFromActivityCarryingTheImportId() {
        TestStore store = Api.configuredStore();
        String importId = store.as().body(Map.of("since", "2024-01-01")).post(store.cartcom("/imports"))
                .then().statusCode(202).extract().jsonPath().getString("import_id");
        UUID id = UUID.fromString(importId);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(ActivityAndStatusTest.at(ActivityRecorded.of(store.id(), "import_started", Level.info, "Sweeping"), t0)
                .withImportId(id).withCounts(Map.of("ordersFound", 3L)));
        publish(ActivityRecorded.of(store.id(), "order_imported", Level.info, "Imported 1").withImportId(id));
        ActivityRecorded second = ActivityRecorded.of(store.id(), "order_imported", Level.info, "Imported 2").withImportId(id);
        publish(second);
        publish(second); // redelivered: counted once
        publish(ActivityRecorded.of(store.id(), "order_skipped", Level.info, "Already there").withImportId(id));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                store.as().get(store.cartcom("/imports/" + importId)).then()
                        .body("status", equalTo("running"))
                        .body("orders_found", equalTo(3))
                        .body("orders_imported", equalTo(2))
                        .body("orders_skipped", equalTo(1))
                        .body("started_at", equalTo(t0.toString())));

        publish(ActivityRecorded.of(store.id(), "import_completed", Level.info, "Done").withImportId(id));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                store.as().get(store.cartcom("/imports/" + importId)).then()
                        .body("status", equalTo("completed"))
                        .body("finished_at", notNullValue())
                        .body("orders_imported", equalTo(2)));
    }

    private static void publish(ActivityRecorded event) {
        ActivityAndStatusTest.publish(event);
    }
}
