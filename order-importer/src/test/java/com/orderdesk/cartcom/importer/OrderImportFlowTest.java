package com.orderdesk.cartcom.importer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.devstack.ConnectionDropper;
import com.orderdesk.cartcom.devstack.DevStackTestResource;
import com.orderdesk.cartcom.importer.support.CartcomFixtures;
import com.orderdesk.cartcom.importer.support.FakeCartcomResource;
import com.orderdesk.cartcom.importer.support.KafkaTestClient;
import com.orderdesk.cartcom.model.auth.ApiKeys;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.EventHeaders;
import com.orderdesk.cartcom.model.events.OrderImported;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.model.events.Topics;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The importer end to end against the devstack's real Kafka and PostgreSQL and a fake Cart.com: what a merchant
 * (REST API), another service (Kafka topics) and Cart.com (calls received) would see.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "importer"))
@QuarkusTestResource(value = FakeCartcomResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderImportFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Unique per run, so a reused broker or database never mixes runs. */
    private static final long RUN = System.currentTimeMillis() % 10_000_000L;
    private static final long STORE_A = RUN * 10 + 1;
    private static final long STORE_B = RUN * 10 + 2;
    private static final String KEY_A = ApiKeys.generate();
    private static final String KEY_B = ApiKeys.generate();
    private static final String TOKEN_A = "token-a-" + RUN;
    private static final String TOKEN_B = "token-b-" + RUN;

    @Inject
    TokenCrypto crypto;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry metrics;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    /** Set by FakeCartcomResource, which serves this class only (the default keeps other classes booting). */
    @ConfigProperty(name = "test.fake-cartcom.url", defaultValue = "unset")
    String fakeCartcom;

    private KafkaTestClient kafka;
    private long nextOrder = RUN * 100;

    /** Once per class, but in @BeforeEach: Quarkus points RestAssured at the test port only around test methods. */
    @BeforeEach
    void publishStores() {
        if (kafka != null) {
            return;
        }
        kafka = new KafkaTestClient(bootstrap);
        // Store A sets status 3 after import; store B has no "After Import" status.
        kafka.send(Topics.STORE_SETTINGS, String.valueOf(STORE_A),
                EventCodec.write(CartcomFixtures.store(STORE_A, 1, KEY_A, TOKEN_A, crypto, 3L)));
        kafka.send(Topics.STORE_SETTINGS, String.valueOf(STORE_B),
                EventCodec.write(CartcomFixtures.store(STORE_B, 1, KEY_B, TOKEN_B, crypto, null)));
        await().atMost(WAIT).untilAsserted(() -> {
            asStore(STORE_A, KEY_A).get("/api/v1/stores/{id}/orders", STORE_A).then().statusCode(200);
            asStore(STORE_B, KEY_B).get("/api/v1/stores/{id}/orders", STORE_B).then().statusCode(200);
        });
    }

    @AfterAll
    void close() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void importsAnOrderOnceWithFolderPrefixEventAndStatusUpdate() {
        long cartOrderId = ++nextOrder;
        UUID importId = UUID.randomUUID();
        CartOrderFetched fetched = CartcomFixtures.fetched(STORE_A, cartOrderId, importId);
        String record = EventCodec.write(fetched);
        kafka.send(Topics.ORDERS_RAW, String.valueOf(STORE_A), record);
        long orderId = awaitImported(STORE_A, KEY_A, cartOrderId);

        // The order as Order Desk's API shows it.
        String body = asStore(STORE_A, KEY_A).get("/api/v1/stores/{s}/orders/{o}", STORE_A, orderId)
                .then().statusCode(200)
                .body("source_id", equalTo("CC-" + cartOrderId))
                .body("source_name", equalTo("Cart.com"))
                .body("folder_id", equalTo((int) CartcomFixtures.PREPARED_FOLDER))
                .body("email", equalTo("test@not-my-real-address.zzz"))
                .body("shipping_method", equalTo("FedEx Express Saver"))
                .body("quantity_total", equalTo(3))
                .body("payment_type", equalTo("Credit Card"))
                .body("payment_status", equalTo("Approved"))
                .body("date_added", equalTo("2013-11-29T23:12:00Z"))
                .body("shipping.first_name", equalTo("Chris"))
                .body("shipping.address1", equalTo("1234 AmeriCommerce Blvd"))
                .body("shipping.state", equalTo("TX"))
                .body("shipping.postal_code", equalTo("77702"))
                .body("shipping.country", equalTo("US"))
                .body("customer.city", equalTo("Los Angeles"))
                .body("customer.phone", equalTo("555-555-0000"))
                .body("order_items.size()", equalTo(2))
                .body("order_items[0].code", equalTo("glfblls"))
                .body("order_items[0].name", equalTo("Golf Balls - Titliest"))
                .body("order_items[0].quantity", equalTo(2))
                .body("order_items[0].variation_list.Color", equalTo("Blue"))
                .body("order_items[0].metadata.cartcom_item_id", equalTo(135))
                .body("order_items[1].metadata.cartcom_item_id", equalTo(136))
                .body("order_notes.content", org.hamcrest.Matchers.hasItem("Gift message: Happy birthday, Sam!"))
                .body("checkout_data", hasKey("How did you hear about us?"))
                .body("order_metadata.cartcom_order_id", equalTo((int) cartOrderId))
                .body("order_metadata.cartcom_store_domain", equalTo(CartcomFixtures.domain(STORE_A)))
                .body("order_shipments.size()", equalTo(0))
                .extract().asString();
        // Money is a JSON number with two decimals.
        for (String money : List.of("\"product_total\":219.99", "\"shipping_total\":25.00", "\"handling_total\":1.50",
                "\"tax_total\":18.15", "\"discount_total\":10.00", "\"order_total\":254.64", "\"price\":100.00")) {
            assertTrue(body.contains(money), money + " in " + body);
        }

        // Listing by folder.
        asStore(STORE_A, KEY_A).queryParam("folder_id", CartcomFixtures.PREPARED_FOLDER)
                .queryParam("source_id", "CC-" + cartOrderId)
                .get("/api/v1/stores/{s}/orders", STORE_A).then().statusCode(200).body("total", equalTo(1));
        asStore(STORE_A, KEY_A).queryParam("folder_id", CartcomFixtures.NEW_FOLDER)
                .queryParam("source_id", "CC-" + cartOrderId)
                .get("/api/v1/stores/{s}/orders", STORE_A).then().statusCode(200).body("total", equalTo(0));

        // OrderImported for shipment-sync, with the item ids the API shows.
        ConsumerRecord<String, String> imported = kafka.await(Topics.ORDERS_IMPORTED,
                r -> r.value().contains("\"cartOrderId\":" + cartOrderId), 1, WAIT).get(0);
        assertEquals(String.valueOf(STORE_A), imported.key());
        assertEquals(OrderImported.TYPE, KafkaTestClient.header(imported, EventHeaders.EVENT_TYPE));
        OrderImported event = EventCodec.read(imported.value(), OrderImported.class);
        assertEquals(orderId, event.orderId());
        assertEquals("CC-" + cartOrderId, event.sourceId());
        assertEquals(CartcomFixtures.PREPARED_FOLDER, event.folderId());
        JsonPath json = JsonPath.from(body);
        assertEquals(List.of(json.getLong("order_items[0].id"), json.getLong("order_items[1].id")),
                event.items().stream().map(OrderImported.Item::orderItemId).toList());
        assertEquals(List.of(135L, 136L), event.items().stream().map(OrderImported.Item::cartItemId).toList());
        assertEquals("glfblls", event.items().get(0).code());
        assertEquals(2, event.items().get(0).quantity());

        // The activity of the import, with the manual import it belongs to.
        ConsumerRecord<String, String> activity = kafka.await(Topics.INTEGRATION_ACTIVITY,
                r -> r.value().contains("\"order_imported\"") && r.value().contains("\"cartOrderId\":" + cartOrderId),
                1, WAIT).get(0);
        ActivityRecorded recorded = EventCodec.read(activity.value(), ActivityRecorded.class);
        assertEquals(orderId, recorded.orderId());
        assertEquals(importId, recorded.importId());

        // "After Import, Set Status" reached Cart.com with the store's token.
        String put = "PUT /" + CartcomFixtures.domain(STORE_A) + "/api/v1/orders/" + cartOrderId + "/status " + TOKEN_A
                + " {\"order_status_id\":3}";
        await().atMost(WAIT).until(() -> count(cartcomCalls(), put) == 1);

        // A redelivery of the same record imports nothing and calls nothing; a later record still imports.
        kafka.send(Topics.ORDERS_RAW, String.valueOf(STORE_A), record);
        long later = ++nextOrder;
        kafka.send(Topics.ORDERS_RAW, String.valueOf(STORE_A), EventCodec.write(CartcomFixtures.fetched(STORE_A, later, null)));
        awaitImported(STORE_A, KEY_A, later);
        await().atMost(WAIT).until(() -> cartcomCalls().stream().anyMatch(c -> c.contains("/orders/" + later + "/status")));
        asStore(STORE_A, KEY_A).queryParam("source_id", "CC-" + cartOrderId)
                .get("/api/v1/stores/{s}/orders", STORE_A).then().body("total", equalTo(1));
        assertEquals(1, count(cartcomCalls(), put), "the status was set once");
        assertEquals(1, kafka.await(Topics.ORDERS_IMPORTED, r -> r.value().contains("\"cartOrderId\":" + cartOrderId),
                Integer.MAX_VALUE, Duration.ofSeconds(3)).size(), "OrderImported was published once");
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndLaterRecordsStillImport() {
        String notJsonKey = "poison-json-" + RUN;
        String missingIdsKey = "poison-ids-" + RUN;
        long unknownStore = RUN * 10 + 9;
        long disconnectedStore = RUN * 10 + 5;
        String keyD = ApiKeys.generate();
        var connected = CartcomFixtures.store(disconnectedStore, 1, keyD, "token-d", crypto, null);
        kafka.send(Topics.STORE_SETTINGS, String.valueOf(disconnectedStore), EventCodec.write(connected));
        kafka.send(Topics.STORE_SETTINGS, String.valueOf(disconnectedStore),
                EventCodec.write(CartcomFixtures.disconnected(connected)));
        await().atMost(WAIT).until(() -> snapshotVersion(disconnectedStore) == 2);
        kafka.send(Topics.ORDERS_RAW, notJsonKey, "this is not JSON {");
        String missingIds = EventCodec.write(CartcomFixtures.fetched(STORE_A, 1, null)).replace("\"cartOrderId\":1,", "");
        kafka.send(Topics.ORDERS_RAW, missingIdsKey, missingIds);
        kafka.send(Topics.ORDERS_RAW, String.valueOf(unknownStore),
                EventCodec.write(CartcomFixtures.fetched(unknownStore, ++nextOrder, null)));
        // Part of a manual import: the import counts the failure (order_failed with its importId).
        UUID importId = UUID.randomUUID();
        long disconnectedOrder = ++nextOrder;
        kafka.send(Topics.ORDERS_RAW, String.valueOf(disconnectedStore),
                EventCodec.write(CartcomFixtures.fetched(disconnectedStore, disconnectedOrder, importId)));
        long good = ++nextOrder;
        kafka.send(Topics.ORDERS_RAW, String.valueOf(STORE_B), EventCodec.write(CartcomFixtures.fetched(STORE_B, good, null)));

        awaitImported(STORE_B, KEY_B, good);
        Map<String, String> reasons = Map.of(notJsonKey, "not JSON", missingIdsKey, "missing cartOrderId",
                String.valueOf(unknownStore), "unknown store " + unknownStore,
                String.valueOf(disconnectedStore), "store " + disconnectedStore + " is not active");
        List<ConsumerRecord<String, String>> dead = kafka.await(Topics.dlq(Topics.ORDERS_RAW),
                r -> reasons.containsKey(r.key()), 4, WAIT);
        assertEquals(4, dead.size(), "four dead letters");
        for (ConsumerRecord<String, String> letter : dead) {
            String reason = KafkaTestClient.header(letter, EventHeaders.DLQ_REASON);
            assertTrue(reason != null && reason.contains(reasons.get(letter.key())), letter.key() + ": " + reason);
            assertEquals("order-importer", KafkaTestClient.header(letter, EventHeaders.DLQ_CONSUMER));
        }
        ActivityRecorded failed = EventCodec.read(kafka.await(Topics.INTEGRATION_ACTIVITY,
                r -> r.value().contains("\"order_failed\"") && r.value().contains("\"cartOrderId\":" + disconnectedOrder),
                1, WAIT).get(0).value(), ActivityRecorded.class);
        assertEquals(disconnectedStore, failed.storeId());
        assertEquals(importId, failed.importId());
        assertEquals(ActivityRecorded.Level.error, failed.level());
        assertTrue(failed.message().contains("not active"), failed.message());
    }

    @Test
    void aManualReImportAndAPrefixChangeCreateNoSecondOrder() {
        long storeE = RUN * 10 + 6;
        String keyE = ApiKeys.generate();
        var before = CartcomFixtures.store(storeE, 1, keyE, "token-e", crypto, null);
        kafka.send(Topics.STORE_SETTINGS, String.valueOf(storeE), EventCodec.write(before));
        await().atMost(WAIT).untilAsserted(() ->
                asStore(storeE, keyE).get("/api/v1/stores/{s}/orders", storeE).then().statusCode(200));
        long first = ++nextOrder;
        kafka.send(Topics.ORDERS_RAW, String.valueOf(storeE), EventCodec.write(CartcomFixtures.fetched(storeE, first, null)));
        long orderId = awaitImported(storeE, keyE, "CC-", first);

        // The merchant changes the prefix: new orders get it, old ones keep theirs and are never imported again.
        var after = CartcomFixtures.store(storeE, 2, keyE, before.domain(), "token-e", crypto, null, "NEW-");
        kafka.send(Topics.STORE_SETTINGS, String.valueOf(storeE), EventCodec.write(after));
        await().atMost(WAIT).until(() -> snapshotVersion(storeE) == 2);
        long second = ++nextOrder;
        kafka.send(Topics.ORDERS_RAW, String.valueOf(storeE), EventCodec.write(CartcomFixtures.fetched(storeE, second, null)));
        awaitImported(storeE, keyE, "NEW-", second);

        UUID importId = UUID.randomUUID();
        kafka.send(Topics.ORDERS_RAW, String.valueOf(storeE), EventCodec.write(CartcomFixtures.fetched(storeE, first, importId)));
        ActivityRecorded skipped = EventCodec.read(kafka.await(Topics.INTEGRATION_ACTIVITY,
                r -> r.value().contains("\"order_skipped\"") && r.value().contains("\"cartOrderId\":" + first),
                1, WAIT).get(0).value(), ActivityRecorded.class);
        assertEquals(importId, skipped.importId());
        assertEquals(orderId, skipped.orderId());

        asStore(storeE, keyE).get("/api/v1/stores/{s}/orders", storeE).then().statusCode(200)
                .body("total", equalTo(2))
                .body("orders.source_id", equalTo(List.of("CC-" + first, "NEW-" + second)));
        assertEquals(0, kafka.await(Topics.INTEGRATION_ACTIVITY,
                r -> r.value().contains("\"order_imported\"") && r.value().contains("\"cartOrderId\":" + first)
                        && r.value().contains(importId.toString()), 1, Duration.ofSeconds(2)).size(),
                "the re-import imported nothing");
    }

    @Test
    void duplicatesInOneBatchImportOnceAndTheManualImportAmongThemHearsSkipped() {
        double importedBefore = ordersCounted("imported");
        double alreadyBefore = ordersCounted("already_imported");
        long cartOrderId = ++nextOrder;
        UUID importId = UUID.randomUUID();
        String record = EventCodec.write(CartcomFixtures.fetched(STORE_A, cartOrderId, null));
        // One poll: the order, a poll overlap sending it again, and a manual import asking for it.
        kafka.sendTogether(Topics.ORDERS_RAW, List.of(Map.entry(String.valueOf(STORE_A), record),
                Map.entry(String.valueOf(STORE_A), record),
                Map.entry(String.valueOf(STORE_A), EventCodec.write(CartcomFixtures.fetched(STORE_A, cartOrderId, importId)))));
        long orderId = awaitImported(STORE_A, KEY_A, cartOrderId);

        ActivityRecorded skipped = EventCodec.read(kafka.await(Topics.INTEGRATION_ACTIVITY,
                r -> r.value().contains("\"order_skipped\"") && r.value().contains(importId.toString()), 1, WAIT)
                .get(0).value(), ActivityRecorded.class);
        assertEquals(orderId, skipped.orderId());
        assertEquals(cartOrderId, skipped.cartOrderId());
        String put = "PUT /" + CartcomFixtures.domain(STORE_A) + "/api/v1/orders/" + cartOrderId + "/status " + TOKEN_A
                + " {\"order_status_id\":3}";
        await().atMost(WAIT).until(() -> count(cartcomCalls(), put) == 1);
        assertEquals(1, kafka.await(Topics.ORDERS_IMPORTED, r -> r.value().contains("\"cartOrderId\":" + cartOrderId),
                Integer.MAX_VALUE, Duration.ofSeconds(3)).size(), "OrderImported was published once");
        asStore(STORE_A, KEY_A).queryParam("source_id", "CC-" + cartOrderId)
                .get("/api/v1/stores/{s}/orders", STORE_A).then().body("total", equalTo(1));
        assertEquals(1, count(cartcomCalls(), put), "the status was set once");
        // What operators see (importer_orders_total): one imported, the overlap and the manual import already imported.
        await().atMost(WAIT).until(() -> ordersCounted("imported") >= importedBefore + 1
                && ordersCounted("already_imported") >= alreadyBefore + 2);
    }

    private double ordersCounted(String outcome) {
        return metrics.counter("importer.orders", "outcome", outcome).count();
    }

    @Test
    void aRecordTheDatabaseRefusesFailsAloneAndTheRestOfItsBatchImports() {
        long before = ++nextOrder;
        long refused = ++nextOrder;
        long after = ++nextOrder;
        UUID importId = UUID.randomUUID();
        CartOrderFetched overflowing = CartcomFixtures.fetched(STORE_B, refused, importId);
        // Maps fine, but no NUMERIC(14, 2) column holds it: the batch's transaction fails on this row.
        overflowing.order().put("grand_total", "1e15");
        String notJson = "not JSON, in a batch " + RUN + " {";
        String store = String.valueOf(STORE_B);
        kafka.sendTogether(Topics.ORDERS_RAW, List.of(
                Map.entry(store, EventCodec.write(CartcomFixtures.fetched(STORE_B, before, null))),
                Map.entry(store, notJson),
                Map.entry(store, EventCodec.write(overflowing)),
                Map.entry(store, EventCodec.write(CartcomFixtures.fetched(STORE_B, after, null)))));

        long first = awaitImported(STORE_B, KEY_B, before);
        long last = awaitImported(STORE_B, KEY_B, after);
        assertTrue(first < last, "the store's orders in the order they arrived");
        ConsumerRecord<String, String> deadOrder = kafka.await(Topics.dlq(Topics.ORDERS_RAW),
                r -> r.value() != null && r.value().contains("\"cartOrderId\":" + refused), 1, WAIT).get(0);
        String reason = KafkaTestClient.header(deadOrder, EventHeaders.DLQ_REASON);
        assertTrue(reason.contains("import failed after 3 attempts") && reason.contains("numeric field overflow"), reason);
        ConsumerRecord<String, String> deadJson = kafka.await(Topics.dlq(Topics.ORDERS_RAW),
                r -> notJson.equals(r.value()), 1, WAIT).get(0);
        assertTrue(KafkaTestClient.header(deadJson, EventHeaders.DLQ_REASON).contains("not JSON"));
        ActivityRecorded failed = EventCodec.read(kafka.await(Topics.INTEGRATION_ACTIVITY,
                r -> r.value().contains("\"order_failed\"") && r.value().contains("\"cartOrderId\":" + refused),
                1, WAIT).get(0).value(), ActivityRecorded.class);
        assertEquals(importId, failed.importId());
        asStore(STORE_B, KEY_B).queryParam("source_id", "CC-" + refused)
                .get("/api/v1/stores/{s}/orders", STORE_B).then().body("total", equalTo(0));
    }

    /**
     * PostgreSQL refuses new connections and drops every connection of the importer again and again for a few seconds
     * (a restart, a failover) while orders arrive: each waits for the database and imports once, in order; none is
     * dead-lettered. Only the malformed marker sent afterwards reaches the dead-letter topic, and a store's records are
     * handled in order, so a dead-lettered order would have come before it.
     */
    @Test
    void ordersArrivingWhileTheDatabaseDropsConnectionsImportOnceAndNoneIsDeadLettered() throws Exception {
        List<Long> sent = new ArrayList<>();
        String store = String.valueOf(STORE_B);
        CompletableFuture<Integer> outage = ConnectionDropper.dropFor(Duration.ofSeconds(4));
        for (int i = 0; i < 20; i++) {
            long cartOrderId = ++nextOrder;
            sent.add(cartOrderId);
            kafka.send(Topics.ORDERS_RAW, store, EventCodec.write(CartcomFixtures.fetched(STORE_B, cartOrderId, null)));
            Thread.sleep(150);
        }
        assertTrue(outage.get() > 0, "the importer's connections were dropped");
        String marker = "not JSON, after the outage that met " + sent.get(0) + " " + RUN;
        kafka.send(Topics.ORDERS_RAW, store, marker);

        List<Long> ids = new ArrayList<>();
        for (long cartOrderId : sent) {
            ids.add(awaitImported(STORE_B, KEY_B, cartOrderId));
        }
        assertEquals(ids.stream().sorted().toList(), ids, "the store's orders in the order they arrived");
        List<ConsumerRecord<String, String>> dead = kafka.await(Topics.dlq(Topics.ORDERS_RAW),
                r -> store.equals(r.key()) && (marker.equals(r.value())
                        || sent.stream().anyMatch(id -> r.value() != null && r.value().contains("\"cartOrderId\":" + id))),
                1, WAIT);
        assertEquals(List.of(marker), dead.stream().map(ConsumerRecord::value).toList(),
                "only the malformed marker is dead-lettered");
    }

    /**
     * The poller fetched these orders under store settings that have not reached the importer yet (settings and
     * orders are separate topics): here the store is still disconnected. They wait for those settings and import, in
     * order; none is dead-lettered as "not active". An order behind them that waits for no settings imports after
     * them: its batch is not prepared, nor its id taken, while theirs waits.
     */
    @Test
    void ordersFetchedUnderNewerStoreSettingsWaitForThem() throws Exception {
        long storeF = RUN * 10 + 7;
        String keyF = ApiKeys.generate();
        var connected = CartcomFixtures.store(storeF, 1, keyF, "token-f", crypto, null);
        var disconnected = CartcomFixtures.disconnected(connected);
        String store = String.valueOf(storeF);
        kafka.send(Topics.STORE_SETTINGS, store, EventCodec.write(connected));
        kafka.send(Topics.STORE_SETTINGS, store, EventCodec.write(disconnected));
        await().atMost(WAIT).until(() -> snapshotVersion(storeF) == 2);

        List<Long> sent = List.of(++nextOrder, ++nextOrder);
        for (long cartOrderId : sent) {
            kafka.send(Topics.ORDERS_RAW, store,
                    EventCodec.write(CartcomFixtures.fetched(storeF, cartOrderId, null).atStoreVersion(3)));
        }
        await().atMost(WAIT).until(() -> metrics.get("importer.raw.orders.awaiting.store.settings").gauge().value() > 0);
        long behind = ++nextOrder;
        kafka.send(Topics.ORDERS_RAW, store, EventCodec.write(CartcomFixtures.fetched(storeF, behind, null)));
        // Valid at once: the writer waits (gauge > 0) and the listener takes no later batch before that one is written.
        assertEquals(0, orderCount(storeF), "nothing imported or rejected under the old settings");
        // Nothing dead-lettered while waiting: checked below, where the marker sent last must be the store's first dead letter.
        kafka.send(Topics.STORE_SETTINGS, store, EventCodec.write(CartcomFixtures.store(storeF, 3, keyF, "token-f", crypto, null)));

        List<Long> ids = new ArrayList<>();
        for (long cartOrderId : sent) {
            ids.add(awaitImported(storeF, keyF, cartOrderId));
        }
        ids.add(awaitImported(storeF, keyF, behind));
        assertEquals(ids.stream().sorted().toList(), ids, "in the order they arrived");
        String marker = "not JSON, after orders fetched under newer settings " + RUN;
        kafka.send(Topics.ORDERS_RAW, store, marker);
        List<ConsumerRecord<String, String>> dead = kafka.await(Topics.dlq(Topics.ORDERS_RAW),
                r -> store.equals(r.key()), 1, WAIT);
        assertEquals(List.of(marker), dead.stream().map(ConsumerRecord::value).toList(),
                "only the marker is dead-lettered: nothing while waiting, nothing after");
    }

    /** Settings that never come: after {@code importer.import.store-settings-wait} the order goes to the DLQ, saying so. */
    @Test
    void anOrderWhoseStoreSettingsNeverArriveIsDeadLetteredAfterTheWait() {
        long waiting = ++nextOrder;
        long next = ++nextOrder;
        String store = String.valueOf(STORE_B);
        kafka.send(Topics.ORDERS_RAW, store,
                EventCodec.write(CartcomFixtures.fetched(STORE_B, waiting, null).atStoreVersion(99)));
        kafka.send(Topics.ORDERS_RAW, store, EventCodec.write(CartcomFixtures.fetched(STORE_B, next, null)));

        ConsumerRecord<String, String> dead = kafka.await(Topics.dlq(Topics.ORDERS_RAW),
                r -> r.value() != null && r.value().contains("\"cartOrderId\":" + waiting), 1, WAIT).get(0);
        String reason = KafkaTestClient.header(dead, EventHeaders.DLQ_REASON);
        assertTrue(reason.contains("version 99") && reason.contains("did not arrive"), reason);
        awaitImported(STORE_B, KEY_B, next);
        asStore(STORE_B, KEY_B).queryParam("source_id", "CC-" + waiting)
                .get("/api/v1/stores/{s}/orders", STORE_B).then().body("total", equalTo(0));
    }

    @Test
    void aBatchDeliveredAgainAfterACrashImportsOnlyWhatIsNew() {
        // Decreasing ids: the order of arrival is what a store's orders keep.
        long third = nextOrder + 3;
        long second = nextOrder + 2;
        long first = nextOrder + 1;
        nextOrder += 3;
        String store = String.valueOf(STORE_B);
        List<Map.Entry<String, String>> batch = List.of(
                Map.entry(store, EventCodec.write(CartcomFixtures.fetched(STORE_B, third, null))),
                Map.entry(store, EventCodec.write(CartcomFixtures.fetched(STORE_B, second, null))));
        kafka.sendTogether(Topics.ORDERS_RAW, batch);
        long thirdId = awaitImported(STORE_B, KEY_B, third);
        long secondId = awaitImported(STORE_B, KEY_B, second);

        // As after a crash between the commit and the offset commit: the same records again, then a new one.
        List<Map.Entry<String, String>> redelivered = new java.util.ArrayList<>(batch);
        redelivered.add(Map.entry(store, EventCodec.write(CartcomFixtures.fetched(STORE_B, first, null))));
        kafka.sendTogether(Topics.ORDERS_RAW, redelivered);
        long firstId = awaitImported(STORE_B, KEY_B, first);

        assertTrue(thirdId < secondId && secondId < firstId, "ids in the order of arrival");
        // The store's OrderImported events too (one partition: topic order is the order they were relayed in).
        List<Long> announced = kafka.await(Topics.ORDERS_IMPORTED, r -> List.of(third, second, first).stream()
                        .anyMatch(id -> r.value().contains("\"cartOrderId\":" + id)), 3, WAIT).stream()
                .map(r -> EventCodec.read(r.value(), OrderImported.class).cartOrderId()).toList();
        assertEquals(List.of(third, second, first), announced);
        for (long cartOrderId : List.of(third, second)) {
            asStore(STORE_B, KEY_B).queryParam("source_id", "CC-" + cartOrderId)
                    .get("/api/v1/stores/{s}/orders", STORE_B).then().body("total", equalTo(1));
            assertEquals(1, kafka.await(Topics.ORDERS_IMPORTED, r -> r.value().contains("\"cartOrderId\":" + cartOrderId),
                    Integer.MAX_VALUE, Duration.ofSeconds(3)).size(), "OrderImported once for " + cartOrderId);
        }
    }

    /**
     * A bare date is that day at the store (America/Chicago, CDT in May): noon there, not midnight UTC, which the
     * store would show as the day before. A local date-time is the store's time; an offset is taken as written.
     */
    @Test
    void aShippedDateIsReadInTheStoresTimeZone() {
        long cartOrderId = ++nextOrder;
        kafka.send(Topics.ORDERS_RAW, String.valueOf(STORE_B), EventCodec.write(CartcomFixtures.fetched(STORE_B, cartOrderId, null)));
        long orderId = awaitImported(STORE_B, KEY_B, cartOrderId);
        for (Map.Entry<String, String> shipped : Map.of("2024-05-01", "2024-05-01T17:00:00Z",
                "2024-05-01T08:30:00", "2024-05-01T13:30:00Z", "2024-05-01T08:30:00+02:00", "2024-05-01T06:30:00Z").entrySet()) {
            asStore(STORE_B, KEY_B).contentType(ContentType.JSON)
                    .body(Map.of("tracking_number", "1Z-" + shipped.getKey(), "carrier_code", "UPS",
                            "date_shipped", shipped.getKey()))
                    .post("/api/v1/stores/{s}/orders/{o}/shipments", STORE_B, orderId)
                    .then().statusCode(201).body("date_shipped", equalTo(shipped.getValue()));
        }
    }

    @Test
    void aShipmentIsRecordedAndPublished() {
        long cartOrderId = ++nextOrder;
        kafka.send(Topics.ORDERS_RAW, String.valueOf(STORE_B), EventCodec.write(CartcomFixtures.fetched(STORE_B, cartOrderId, null)));
        long orderId = awaitImported(STORE_B, KEY_B, cartOrderId);
        long itemId = asStore(STORE_B, KEY_B).get("/api/v1/stores/{s}/orders/{o}", STORE_B, orderId)
                .then().extract().jsonPath().getLong("order_items[0].id");

        long shipmentId = asStore(STORE_B, KEY_B).contentType(ContentType.JSON)
                .body(Map.of("tracking_number", "1Z999AA10123456784", "carrier_code", "UPS", "shipment_method", "Ground",
                        "tracking_url", "https://www.ups.com/track?tracknum=1Z999AA10123456784",
                        "date_shipped", "2024-05-02T10:15:00Z",
                        "items", List.of(Map.of("order_item_id", itemId, "quantity", 1))))
                .post("/api/v1/stores/{s}/orders/{o}/shipments", STORE_B, orderId)
                .then().statusCode(201)
                .body("tracking_number", equalTo("1Z999AA10123456784"))
                .body("carrier_code", equalTo("UPS"))
                .body("items[0].order_item_id", equalTo((int) itemId))
                .extract().jsonPath().getLong("id");

        asStore(STORE_B, KEY_B).get("/api/v1/stores/{s}/orders/{o}", STORE_B, orderId).then()
                .body("order_shipments.size()", equalTo(1))
                .body("order_shipments[0].id", equalTo((int) shipmentId))
                .body("order_shipments[0].date_shipped", equalTo("2024-05-02T10:15:00Z"));

        ConsumerRecord<String, String> published = kafka.await(Topics.SHIPMENTS_CREATED,
                r -> r.value().contains("\"shipmentId\":" + shipmentId + ","), 1, WAIT).get(0);
        ShipmentCreated event = EventCodec.read(published.value(), ShipmentCreated.class);
        assertEquals(STORE_B, event.storeId());
        assertEquals(orderId, event.orderId());
        assertEquals("1Z999AA10123456784", event.trackingNumber());
        assertEquals("UPS", event.carrierCode());
        assertEquals(List.of(new ShipmentCreated.Item(itemId, 1)), event.items());

        // Bad input: every field says what is wrong.
        asStore(STORE_B, KEY_B).contentType(ContentType.JSON)
                .body(Map.of("tracking_url", "ftp://x", "date_shipped", "yesterday",
                        "items", List.of(Map.of("order_item_id", 999_999_999, "quantity", 1), Map.of("order_item_id", itemId, "quantity", 99))))
                .post("/api/v1/stores/{s}/orders/{o}/shipments", STORE_B, orderId)
                .then().statusCode(422)
                .body("error.code", equalTo("invalid_shipment"))
                .body("error.fields.tracking_number", equalTo("is required"))
                .body("error.fields.carrier_code", equalTo("is required"))
                .body("error.fields.tracking_url", containsString("http"))
                .body("error.fields.date_shipped", containsString("ISO-8601"))
                .body("error.fields.'items[0].order_item_id'", equalTo("is not an item of this order"))
                .body("error.fields.'items[1].quantity'", containsString("ordered quantity"));
        asStore(STORE_B, KEY_B).contentType(ContentType.JSON).body(Map.of("tracking_number", "T", "carrier_code", "UPS"))
                .post("/api/v1/stores/{s}/orders/{o}/shipments", STORE_B, Long.MAX_VALUE - 1)
                .then().statusCode(404).body("error.code", equalTo("order_not_found"));
        asStore(STORE_B, KEY_B).get("/api/v1/stores/{s}/orders/{o}", STORE_B, Long.MAX_VALUE - 1).then().statusCode(404);
        // An order that is not there is 404 whatever the body; no body at all misses its required fields.
        asStore(STORE_B, KEY_B).contentType(ContentType.JSON).body(Map.of("tracking_url", "ftp://x"))
                .post("/api/v1/stores/{s}/orders/{o}/shipments", STORE_B, Long.MAX_VALUE - 1)
                .then().statusCode(404).body("error.code", equalTo("order_not_found"));
        asStore(STORE_B, KEY_B).contentType(ContentType.JSON)
                .post("/api/v1/stores/{s}/orders/{o}/shipments", STORE_B, orderId)
                .then().statusCode(422)
                .body("error.code", equalTo("invalid_shipment"))
                .body("error.fields.tracking_number", equalTo("is required"))
                .body("error.fields.carrier_code", equalTo("is required"));
        asStore(STORE_B, KEY_B).contentType(ContentType.JSON)
                .body(Map.of("tracking_number", " " + "x".repeat(101) + " ", "carrier_code", "UPS", "shipment_method", "  ",
                        "items", List.of(Map.of("quantity", 1), Map.of("order_item_id", itemId, "quantity", 0))))
                .post("/api/v1/stores/{s}/orders/{o}/shipments", STORE_B, orderId)
                .then().statusCode(422)
                .body("error.fields.tracking_number", equalTo("must be at most 100 characters"))
                .body("error.fields", not(hasKey("shipment_method")))
                .body("error.fields.'items[0].order_item_id'", equalTo("is required"))
                .body("error.fields.'items[1].quantity'", equalTo("must be at least 1"));
    }

    /**
     * A client that repeats its POST after a timeout sends the same Idempotency-Key: one shipment, the first answer
     * again (also when the repeats come at once); the key with another request is a 409, and one line twice in one
     * request is a 422 (its quantities would add up past the ordered one).
     */
    @Test
    void aShipmentPostedAgainWithItsIdempotencyKeyIsRecordedOnce() throws Exception {
        long cartOrderId = ++nextOrder;
        kafka.send(Topics.ORDERS_RAW, String.valueOf(STORE_B), EventCodec.write(CartcomFixtures.fetched(STORE_B, cartOrderId, null)));
        long orderId = awaitImported(STORE_B, KEY_B, cartOrderId);
        long itemId = asStore(STORE_B, KEY_B).get("/api/v1/stores/{s}/orders/{o}", STORE_B, orderId)
                .then().extract().jsonPath().getLong("order_items[0].id");
        String key = "retry-" + RUN + "-" + cartOrderId;
        Map<String, Object> body = Map.of("tracking_number", "1ZKEY", "carrier_code", "UPS",
                "items", List.of(Map.of("order_item_id", itemId, "quantity", 1)));

        long first = postShipment(orderId, key, body).then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> spacedAgain = Map.of("tracking_number", " 1ZKEY ", "carrier_code", "UPS",
                "items", List.of(Map.of("order_item_id", itemId, "quantity", 1)));
        postShipment(orderId, key, spacedAgain).then().statusCode(201).body("id", equalTo((int) first))
                .header("Location", endsWith("/shipments/" + first));

        String atOnce = key + "-at-once";
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(clients.submit(() -> postShipment(orderId, atOnce, body).then().statusCode(201)
                        .extract().jsonPath().getLong("id")));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<Long> answer : answers) {
                ids.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, ids.size(), "one shipment for four posts at once: " + ids);
        } finally {
            clients.shutdownNow();
        }

        postShipment(orderId, key, Map.of("tracking_number", "1ZOTHER", "carrier_code", "UPS"))
                .then().statusCode(409).body("error.code", equalTo("idempotency_key_reused"));
        postShipment(orderId, "has space", body).then().statusCode(422).body("error.code", equalTo("invalid_shipment"));
        postShipment(orderId, null, Map.of("tracking_number", "1ZTWICE", "carrier_code", "UPS",
                        "items", List.of(Map.of("order_item_id", itemId, "quantity", 1),
                                Map.of("order_item_id", itemId, "quantity", 1))))
                .then().statusCode(422)
                .body("error.fields.'items[1].order_item_id'", equalTo("appears twice in items"));

        asStore(STORE_B, KEY_B).get("/api/v1/stores/{s}/orders/{o}", STORE_B, orderId).then()
                .body("order_shipments.size()", equalTo(2))
                .body("order_shipments[0].id", equalTo((int) first));
    }

    private Response postShipment(long orderId, String idempotencyKey, Map<String, Object> body) {
        RequestSpecification request = asStore(STORE_B, KEY_B).contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/stores/{s}/orders/{o}/shipments", STORE_B, orderId);
    }

    @Test
    void storeHeadersAreChecked() {
        given().get("/api/v1/stores/{s}/orders", STORE_A).then().statusCode(401).body("error.code", equalTo("unauthorized"));
        asStore(STORE_A, "wrong-key").get("/api/v1/stores/{s}/orders", STORE_A).then().statusCode(401);
        asStore(RUN * 10 + 8, KEY_A).get("/api/v1/stores/{s}/orders", RUN * 10 + 8).then().statusCode(401);
        asStore(STORE_B, KEY_B).get("/api/v1/stores/{s}/orders", STORE_A).then().statusCode(403);
        asStore(STORE_B, KEY_B).contentType(ContentType.JSON).body(Map.of("tracking_number", "T", "carrier_code", "UPS"))
                .post("/api/v1/stores/{s}/orders/{o}/shipments", STORE_A, 1).then().statusCode(403);
    }

    @Test
    void pagingOutOfRangeIsAnInvalidQuery() {
        asStore(STORE_A, KEY_A).queryParam("limit", 0).queryParam("offset", -1).get("/api/v1/stores/{s}/orders", STORE_A)
                .then().statusCode(422)
                .body("error.code", equalTo("invalid_query"))
                .body("error.fields.limit", equalTo("must be between 1 and 500"))
                .body("error.fields.offset", equalTo("must not be negative"));
        asStore(STORE_A, KEY_A).queryParam("limit", 501).get("/api/v1/stores/{s}/orders", STORE_A)
                .then().statusCode(422).body("error.fields.limit", equalTo("must be between 1 and 500"));
    }

    @Test
    void aDeletedStoreLosesAccessAndItsOrdersGoToTheDeadLetterTopic() {
        long storeC = RUN * 10 + 3;
        String keyC = ApiKeys.generate();
        kafka.send(Topics.STORE_SETTINGS, String.valueOf(storeC),
                EventCodec.write(CartcomFixtures.store(storeC, 1, keyC, "token-c", crypto, null)));
        await().atMost(WAIT).untilAsserted(() ->
                asStore(storeC, keyC).get("/api/v1/stores/{s}/orders", storeC).then().statusCode(200));

        kafka.send(Topics.STORE_SETTINGS, String.valueOf(storeC), null); // tombstone
        await().atMost(WAIT).untilAsserted(() ->
                asStore(storeC, keyC).get("/api/v1/stores/{s}/orders", storeC).then().statusCode(401));

        long cartOrderId = ++nextOrder;
        kafka.send(Topics.ORDERS_RAW, String.valueOf(storeC), EventCodec.write(CartcomFixtures.fetched(storeC, cartOrderId, null)));
        List<ConsumerRecord<String, String>> dead = kafka.await(Topics.dlq(Topics.ORDERS_RAW),
                r -> r.value() != null && r.value().contains("\"cartOrderId\":" + cartOrderId), 1, WAIT);
        assertEquals(1, dead.size());
        assertEquals("unknown store " + storeC, KafkaTestClient.header(dead.get(0), EventHeaders.DLQ_REASON));
    }

    @Test
    void aStatusUpdateCartcomRejectsIsMarkedFailedAndReported() throws Exception {
        long cartOrderId = FakeCartcomResource.NOT_FOUND_FROM + RUN;
        kafka.send(Topics.ORDERS_RAW, String.valueOf(STORE_A), EventCodec.write(CartcomFixtures.fetched(STORE_A, cartOrderId, null)));
        long orderId = awaitImported(STORE_A, KEY_A, cartOrderId);

        ConsumerRecord<String, String> failure = kafka.await(Topics.INTEGRATION_ACTIVITY,
                r -> r.value().contains("\"status_update_failed\"") && r.value().contains("\"cartOrderId\":" + cartOrderId),
                1, WAIT).get(0);
        ActivityRecorded activity = EventCodec.read(failure.value(), ActivityRecorded.class);
        assertEquals(ActivityRecorded.Level.error, activity.level());
        assertEquals(orderId, activity.orderId());
        assertEquals(STORE_A, activity.storeId());
        assertTrue(activity.message().contains("404") || activity.message().contains("Not Found"), activity.message());

        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT state, attempts, last_error FROM pending_status_update WHERE order_id = ?")) {
            s.setLong(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("FAILED", rs.getString(1));
                assertEquals(1, rs.getInt(2), "a 404 is not retried");
                assertTrue(rs.getString(3) != null && !rs.getString(3).isBlank());
            }
        }
        assertEquals(1, cartcomCalls().stream().filter(c -> c.contains("/orders/" + cartOrderId + "/status")).count());
    }

    private long awaitImported(long storeId, String key, long cartOrderId) {
        return awaitImported(storeId, key, "CC-", cartOrderId);
    }

    private long awaitImported(long storeId, String key, String prefix, long cartOrderId) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath page = asStore(storeId, key).queryParam("source_id", prefix + cartOrderId)
                    .get("/api/v1/stores/{s}/orders", storeId).then().statusCode(200).extract().jsonPath();
            return page.getInt("total") == 1 ? page.getLong("orders[0].id") : null;
        }, java.util.Objects::nonNull);
    }

    private long orderCount(long storeId) throws java.sql.SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM od_order WHERE store_id = ?")) {
            s.setLong(1, storeId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The store snapshot version the importer holds (settings and orders are separate topics: no ordering between them). */
    private long snapshotVersion(long storeId) throws java.sql.SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT version FROM store_snapshot WHERE store_id = ?")) {
            s.setLong(1, storeId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static RequestSpecification asStore(long storeId, String key) {
        return given().header(ApiKeys.STORE_ID_HEADER, String.valueOf(storeId)).header(ApiKeys.API_KEY_HEADER, key);
    }

    /** What the fake Cart.com received, one line per call: {@code METHOD path token body}. */
    private List<String> cartcomCalls() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(fakeCartcom + "/_calls")).build(), HttpResponse.BodyHandlers.ofString());
            return Arrays.stream(response.body().split("\n")).filter(l -> !l.isBlank()).toList();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("fake Cart.com unreachable", e);
        }
    }

    private static long count(List<String> calls, String call) {
        return calls.stream().filter(call::equals).count();
    }
}
