package com.orderdesk.cartcom.shipments;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.devstack.DevStack;
import com.orderdesk.cartcom.devstack.DevStackTestResource;
import com.orderdesk.cartcom.model.crypto.EncryptedToken;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.OrderImported;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.shipments.CartcomFake.Call;
import com.orderdesk.cartcom.shipments.repository.ShipmentState;
import com.orderdesk.cartcom.shipments.repository.ShipmentSyncRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipment path end to end inside the service: events on the real topics of the devstack broker, state in
 * the devstack PostgreSQL, and Cart.com played by {@link CartcomFake}. Each test uses its own store and domain.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = DevStack.SHIPMENTS_DB))
@QuarkusTestResource(value = CartcomFakeResource.class, restrictToAnnotatedClass = false)
class ShipmentSyncTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Ids unique per run, so tests never see each other's (or an earlier run's) records. */
    private static final AtomicLong IDS = new AtomicLong(Instant.now().toEpochMilli() % 1_000_000_000L * 1000);
    private static final long AFTER_SHIPMENT_STATUS = 7;

    private static CartcomFake cartcom;
    private static TestKafka kafka;

    @Inject
    ShipmentSyncRepository shipments;

    @BeforeAll
    static void start() throws Exception {
        cartcom = new CartcomFake(CartcomFakeResource.port());
        kafka = new TestKafka(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterAll
    static void stop() {
        cartcom.close();
        kafka.close();
    }

    @Test
    void sendsTheShipmentWithCartItemIdsThenSetsTheAfterShipmentStatus() {
        Store store = connectedStore(true);
        Order order = importedOrder(store);
        ShipmentCreated shipment = shipment(store, order, List.of(new ShipmentCreated.Item(order.firstItemId, 2)));
        kafka.publish(Topics.SHIPMENTS_CREATED, shipment);

        await().atMost(WAIT).until(() -> cartcom.calls(store.domain, "PUT", "/status").size() == 1);
        List<Call> posts = cartcom.calls(store.domain, "POST", "/order_shipments");
        assertEquals(1, posts.size(), "one shipment post");
        JsonNode body = posts.get(0).body();
        assertEquals(order.cartOrderId, body.path("order_id").asLong());
        assertEquals("OD-SHIP-" + shipment.shipmentId(), body.path("shipment_name").asText());
        assertEquals("1Z999", body.path("tracking_numbers").asText());
        assertEquals("https://track.example/1Z999", body.path("tracking_url").asText());
        assertEquals("Ground", body.path("shipping_method").asText());
        assertEquals("UPS", body.path("shipping_provider_name").asText());
        assertEquals(1, body.path("items").size());
        assertEquals(order.firstCartItemId, body.path("items").get(0).path("id").asLong());
        assertEquals(2, body.path("items").get(0).path("quantity_shipped").asInt());
        assertTrue(body.path("shipped_at").asText().startsWith("2024-05-06T07:08:09"), body.toString());

        List<Call> statusPuts = cartcom.calls(store.domain, "PUT", "/orders/" + order.cartOrderId + "/status");
        assertEquals(1, statusPuts.size());
        assertEquals(AFTER_SHIPMENT_STATUS, statusPuts.get(0).body().path("order_status_id").asLong());

        ActivityRecorded synced = awaitActivity(store, "shipment_synced");
        assertEquals(ActivityRecorded.Level.info, synced.level());
        assertEquals(order.orderId, synced.orderId());
        assertEquals(order.cartOrderId, synced.cartOrderId());
        assertEquals(Optional.of(ShipmentState.sent), shipments.stateOf(shipment.shipmentId()));
    }

    @Test
    void aRedeliveredShipmentEventAddsNoSecondShipment() {
        Store store = connectedStore(false);
        Order order = importedOrder(store);
        ShipmentCreated shipment = shipment(store, order, List.of());
        kafka.publish(Topics.SHIPMENTS_CREATED, shipment);
        await().atMost(WAIT).until(() -> shipments.stateOf(shipment.shipmentId()).equals(Optional.of(ShipmentState.sent)));

        // The same event again (same ids), then a second shipment on the same key: once that one is at Cart.com,
        // the redelivery (earlier on the same partition) has been consumed.
        kafka.publish(Topics.SHIPMENTS_CREATED, shipment);
        ShipmentCreated second = shipment(store, order, List.of());
        kafka.publish(Topics.SHIPMENTS_CREATED, second);
        await().atMost(WAIT).until(() -> shipments.stateOf(second.shipmentId()).equals(Optional.of(ShipmentState.sent)));

        assertEquals(2, cartcom.shipmentsOf(store.domain, order.cartOrderId).size(), "two distinct shipments");
        long postsOfFirst = cartcom.calls(store.domain, "POST", "/order_shipments").stream()
                .filter(c -> c.body().path("shipment_name").asText().equals("OD-SHIP-" + shipment.shipmentId()))
                .count();
        assertEquals(1, postsOfFirst, "the redelivered event was not sent again");
        String eventId = shipment.eventId().toString();
        assertTrue(kafka.read(Topics.dlq(Topics.SHIPMENTS_CREATED), r -> r.value() != null && r.value().contains(eventId),
                1, Duration.ofSeconds(3)).isEmpty(), "the redelivery was absorbed, not dead-lettered");
        assertTrue(cartcom.calls(store.domain, "PUT", "/status").isEmpty(), "no after-shipment status configured");
    }

    @Test
    void aShipmentBeforeItsOrderWaitsThenSyncsWithAllItems() {
        Store store = connectedStore(true);
        Order order = newOrder(store);
        ShipmentCreated shipment = shipment(store, order, List.of());
        kafka.publish(Topics.SHIPMENTS_CREATED, shipment);
        await().atMost(WAIT).until(() -> shipments.stateOf(shipment.shipmentId())
                .equals(Optional.of(ShipmentState.waiting_for_order)));
        assertTrue(cartcom.calls(store.domain).isEmpty(), "nothing sent while the order is unknown");

        kafka.publish(Topics.ORDERS_IMPORTED, order.event);
        await().atMost(WAIT).until(() -> cartcom.calls(store.domain, "PUT", "/status").size() == 1);
        JsonNode body = cartcom.calls(store.domain, "POST", "/order_shipments").get(0).body();
        // No items named: every Cart.com item of the order, in its ordered quantity.
        assertEquals(2, body.path("items").size());
        assertEquals(order.firstCartItemId, body.path("items").get(0).path("id").asLong());
        assertEquals(3, body.path("items").get(0).path("quantity_shipped").asInt());
        assertEquals(order.firstCartItemId + 1, body.path("items").get(1).path("id").asLong());
        assertEquals(1, body.path("items").get(1).path("quantity_shipped").asInt());
    }

    @Test
    void withTrackingSyncOffNothingIsSentAndTheMerchantIsTold() {
        Store store = store(true, false, false);
        Order order = importedOrder(store);
        ShipmentCreated shipment = shipment(store, order, List.of());
        kafka.publish(Topics.SHIPMENTS_CREATED, shipment);

        ActivityRecorded skipped = awaitActivity(store, "shipment_skipped");
        assertTrue(skipped.message().contains("Sync Tracking Numbers is off"), skipped.message());
        assertEquals(order.orderId, skipped.orderId());
        assertEquals(Optional.of(ShipmentState.skipped), shipments.stateOf(shipment.shipmentId()));
        assertTrue(cartcom.calls(store.domain).isEmpty(), "Cart.com was not called");
    }

    @Test
    void aServerErrorIsRetriedAndTheRetryAddsNoSecondShipment() {
        Store store = connectedStore(true);
        Order order = importedOrder(store);
        // Cart.com stores the shipment but the answer is a 500: the retry must land on the same shipment.
        cartcom.failNextShipmentPosts(store.domain, CartcomFake.Failure.APPLY_THEN_FAIL, 500, 1);
        ShipmentCreated shipment = shipment(store, order, List.of());
        kafka.publish(Topics.SHIPMENTS_CREATED, shipment);

        await().atMost(WAIT).until(() -> shipments.stateOf(shipment.shipmentId()).equals(Optional.of(ShipmentState.sent)));
        assertEquals(2, cartcom.calls(store.domain, "POST", "/order_shipments").size(), "posted twice");
        assertEquals(1, cartcom.shipmentsOf(store.domain, order.cartOrderId).size(), "one shipment at Cart.com");
        assertEquals(1, cartcom.calls(store.domain, "PUT", "/status").size(), "status set once, after success");
    }

    @Test
    void aPermanentRejectionFailsTheShipmentAndReportsIt() {
        Store store = connectedStore(true);
        Order order = importedOrder(store);
        cartcom.failNextShipmentPosts(store.domain, CartcomFake.Failure.REJECT, 404, 1);
        ShipmentCreated shipment = shipment(store, order, List.of());
        kafka.publish(Topics.SHIPMENTS_CREATED, shipment);

        ActivityRecorded failed = awaitActivity(store, "shipment_sync_failed");
        assertEquals(ActivityRecorded.Level.error, failed.level());
        assertEquals(order.orderId, failed.orderId());
        assertEquals(order.cartOrderId, failed.cartOrderId());
        assertTrue(failed.message().contains("404"), failed.message());
        assertEquals(Optional.of(ShipmentState.failed), shipments.stateOf(shipment.shipmentId()));
        assertEquals(1, cartcom.calls(store.domain, "POST", "/order_shipments").size(), "a 404 is not retried");
        assertTrue(cartcom.calls(store.domain, "PUT", "/status").isEmpty());
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextIsProcessed() {
        Store store = connectedStore(false);
        Order order = importedOrder(store);
        String marker = "not json " + UUID.randomUUID();
        kafka.publishRaw(Topics.SHIPMENTS_CREATED, Long.toString(store.storeId), marker);
        ShipmentCreated good = shipment(store, order, List.of());
        kafka.publish(Topics.SHIPMENTS_CREATED, good);

        await().atMost(WAIT).until(() -> shipments.stateOf(good.shipmentId()).equals(Optional.of(ShipmentState.sent)));
        List<ConsumerRecord<String, String>> dead = kafka.read(Topics.dlq(Topics.SHIPMENTS_CREATED),
                r -> marker.equals(r.value()), 1, WAIT);
        assertEquals(1, dead.size(), "the malformed record is on the DLQ");
        String reason = TestKafka.header(dead.get(0), "dead-letter-reason");
        assertTrue(reason != null && reason.startsWith("not JSON"), "reason: " + reason);
    }

    // --- fixtures -------------------------------------------------------------------------------------------

    private record Store(long storeId, String domain) {
    }

    private record Order(long orderId, long cartOrderId, long firstItemId, long firstCartItemId, OrderImported event) {
    }

    private Store connectedStore(boolean withAfterShipmentStatus) {
        return store(true, true, withAfterShipmentStatus);
    }

    /** Publishes the store's snapshot with a token only the fake and the service's key know. */
    private Store store(boolean enabled, boolean syncTracking, boolean withAfterShipmentStatus) {
        long storeId = IDS.incrementAndGet();
        String domain = "store-" + storeId + ".example";
        String token = "token-" + UUID.randomUUID();
        cartcom.addStore(domain, token);
        TokenCrypto crypto = TokenCrypto.fromConfig(
                ConfigProvider.getConfig().getValue("cartcom.token-keys", String.class),
                ConfigProvider.getConfig().getValue("cartcom.token-key-id", String.class));
        EncryptedToken sealed = crypto.encrypt(storeId, token);
        StoreIntegrationChanged snapshot = new StoreIntegrationChanged(UUID.randomUUID(), StoreIntegrationChanged.TYPE,
                1, Instant.now(), storeId, 1, true, enabled, domain, sealed.ciphertext(), sealed.keyId(), "hash",
                "UTC", 15, List.of(1L), 100L, 2L, withAfterShipmentStatus ? AFTER_SHIPMENT_STATUS : null,
                syncTracking, "CC-", List.of());
        kafka.publish(Topics.STORE_SETTINGS, snapshot);
        return new Store(storeId, domain);
    }

    private Order importedOrder(Store store) {
        Order order = newOrder(store);
        kafka.publish(Topics.ORDERS_IMPORTED, order.event);
        return order;
    }

    private Order newOrder(Store store) {
        long orderId = IDS.incrementAndGet();
        long cartOrderId = IDS.incrementAndGet();
        long firstItemId = IDS.incrementAndGet();
        long secondItemId = IDS.incrementAndGet();
        long firstCartItemId = IDS.incrementAndGet();
        OrderImported event = OrderImported.of(store.storeId, orderId, "CC-" + cartOrderId, cartOrderId, 100L, List.of(
                new OrderImported.Item(firstItemId, firstCartItemId, "SKU-1", 3),
                new OrderImported.Item(secondItemId, firstCartItemId + 1, "SKU-2", 1)));
        return new Order(orderId, cartOrderId, firstItemId, firstCartItemId, event);
    }

    private ShipmentCreated shipment(Store store, Order order, List<ShipmentCreated.Item> items) {
        return ShipmentCreated.of(store.storeId, IDS.incrementAndGet(), order.orderId, "1Z999", "UPS", "Ground",
                "https://track.example/1Z999", Instant.parse("2024-05-06T07:08:09Z"), items);
    }

    private ActivityRecorded awaitActivity(Store store, String kind) {
        List<ConsumerRecord<String, String>> found = kafka.read(Topics.INTEGRATION_ACTIVITY, r -> {
            if (!Long.toString(store.storeId).equals(r.key())) {
                return false;
            }
            return EventCodec.read(r.value(), ActivityRecorded.class).kind().equals(kind);
        }, 1, WAIT);
        assertEquals(1, found.size(), "activity " + kind + " for store " + store.storeId);
        return EventCodec.read(found.get(0).value(), ActivityRecorded.class);
    }
}
