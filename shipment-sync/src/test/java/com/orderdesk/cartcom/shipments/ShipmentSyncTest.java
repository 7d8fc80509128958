package com.orderdesk.cartcom.shipments;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.devstack.ConnectionDropper;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.EventHeaders;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.shipments.SandboxFixtures.Order;
import com.orderdesk.cartcom.shipments.SandboxFixtures.Store;
import com.orderdesk.cartcom.shipments.SandboxFixtures.StoreSetup;
import com.orderdesk.cartcom.shipments.repository.ShipmentState;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The shipment path against the sandbox: what reaches the Cart.com order, once, and what the merchant is told. */
@QuarkusTest
class ShipmentSyncTest extends SandboxTestBase {

    @Test
    void sendsTheShipmentWithCartItemIdsThenSetsTheAfterShipmentStatus() {
        Store store = fixtures.store(StoreSetup.syncing());
        Order order = fixtures.importedOrder(store);
        ShipmentCreated shipment = fixtures.ship(store, order, List.of(new ShipmentCreated.Item(order.itemId(0), 2)));

        await().atMost(WAIT).until(() -> fixtures.cartStatus(store, order) == SandboxFixtures.SHIPPED_STATUS);
        List<JsonNode> cartShipments = fixtures.cartShipments(store, order);
        assertEquals(1, cartShipments.size(), "one shipment at Cart.com: " + cartShipments);
        JsonNode cart = cartShipments.get(0);
        assertEquals(SandboxFixtures.shipmentName(shipment), cart.path("shipment_name").asText());
        assertEquals(shipment.trackingNumber(), cart.path("tracking_numbers").asText());
        assertEquals("https://track.example/1Z", cart.path("tracking_url").asText());
        assertEquals("Ground", cart.path("shipping_method").asText());
        assertEquals("UPS", cart.path("shipping_provider_name").asText());
        assertTrue(cart.path("shipped_at").asText().startsWith("2024-05-06T"), cart.toString());
        assertEquals(1, cart.path("items").size(), "only the shipped line: " + cart);
        assertEquals(order.cartItemId(0), cart.path("items").get(0).path("id").asLong());
        assertEquals(2, cart.path("items").get(0).path("quantity_shipped").asInt());

        ActivityRecorded synced = awaitActivity(store, "shipment_synced");
        assertEquals(ActivityRecorded.Level.info, synced.level());
        assertEquals(order.orderId(), synced.orderId());
        assertEquals(order.cartOrderId(), synced.cartOrderId());
        awaitState(shipment, ShipmentState.sent);
        assertEquals(1, calls(store, "POST", "/order_shipments").size());
        assertEquals(1, calls(store, "PUT", "/orders/" + order.cartOrderId() + "/status").size());
        // Shipped 2024-05-06T07:08:09Z goes with the store's own offset (America/Chicago, daylight saving in May), so
        // the store shows the day the merchant chose.
        String sent = calls(store, "POST", "/order_shipments").get(0).path("body").asText();
        assertTrue(sent.contains("2024-05-06T02:08:09-05:00"), sent);
    }

    @Test
    void aRedeliveredShipmentEventAddsNoSecondShipment() {
        Store store = fixtures.store(StoreSetup.syncing().withoutStatus());
        Order order = fixtures.importedOrder(store);
        ShipmentCreated shipment = fixtures.ship(store, order, List.of());
        awaitState(shipment, ShipmentState.sent);

        // The same event again, then a second shipment on the same key (same partition): once the second is at
        // Cart.com, the redelivery before it has been consumed.
        kafka.publish(Topics.SHIPMENTS_CREATED, shipment);
        ShipmentCreated second = fixtures.ship(store, order, List.of());
        awaitState(second, ShipmentState.sent);

        assertEquals(2, fixtures.cartShipments(store, order).size(), "two distinct shipments");
        assertEquals(2, calls(store, "POST", "/order_shipments").size(), "the redelivered event was not sent again");
        assertTrue(calls(store, "PUT", "/status").isEmpty(), "no after-shipment status configured");
        String eventId = shipment.eventId().toString();
        assertTrue(kafka.read(Topics.dlq(Topics.SHIPMENTS_CREATED), r -> r.value() != null && r.value().contains(eventId),
                1, Duration.ofSeconds(3)).isEmpty(), "the redelivery was absorbed, not dead-lettered");
    }

    @Test
    void aShipmentBeforeItsOrderWaitsThenSyncsWithAllItems() {
        Store store = fixtures.store(StoreSetup.syncing());
        Order order = fixtures.cartOrder(store);
        shipAndAwaitWaitingForOrder(store, order);

        kafka.publish(Topics.ORDERS_IMPORTED, order.event());
        await().atMost(WAIT).until(() -> fixtures.cartStatus(store, order) == SandboxFixtures.SHIPPED_STATUS);
        JsonNode items = fixtures.cartShipments(store, order).get(0).path("items");
        // No items named: every Cart.com line of the order, in its ordered quantity.
        assertEquals(2, items.size(), items.toString());
        assertEquals(order.cartItemId(0), items.get(0).path("id").asLong());
        assertEquals(3, items.get(0).path("quantity_shipped").asInt());
        assertEquals(order.cartItemId(1), items.get(1).path("id").asLong());
        assertEquals(1, items.get(1).path("quantity_shipped").asInt());
    }

    @Test
    void withTrackingSyncOffNothingIsSentAndTheMerchantIsTold() {
        Store store = fixtures.store(StoreSetup.syncing().trackingOff());
        Order order = fixtures.importedOrder(store);
        ShipmentCreated shipment = fixtures.ship(store, order, List.of());

        ActivityRecorded skipped = awaitActivity(store, "shipment_skipped");
        assertTrue(skipped.message().contains("Sync Tracking Numbers is off"), skipped.message());
        assertEquals(order.orderId(), skipped.orderId());
        assertEquals(Optional.of(ShipmentState.skipped), shipments.stateOf(shipment.shipmentId()));
        assertTrue(sandbox.calls(store.domain()).isEmpty(), "Cart.com was not called");
        assertTrue(fixtures.cartShipments(store, order).isEmpty());
    }

    @Test
    void aPermanentRejectionFailsTheShipmentAndReportsIt() {
        Store store = fixtures.store(StoreSetup.syncing());
        Order order = fixtures.importedOrderWithForeignItem(store);
        ShipmentCreated shipment = fixtures.ship(store, order, List.of());

        ActivityRecorded failed = awaitActivity(store, "shipment_sync_failed");
        assertEquals(ActivityRecorded.Level.error, failed.level());
        assertEquals(order.orderId(), failed.orderId());
        assertEquals(order.cartOrderId(), failed.cartOrderId());
        assertTrue(failed.message().contains("409"), failed.message());
        assertEquals(Optional.of(ShipmentState.failed), shipments.stateOf(shipment.shipmentId()));
        assertEquals(1, calls(store, "POST", "/order_shipments").size(), "a 409 is not retried");
        assertTrue(calls(store, "PUT", "/status").isEmpty());
        assertEquals(SandboxFixtures.OPEN_STATUS, fixtures.cartStatus(store, order));
    }

    /**
     * PostgreSQL refuses new connections and drops every connection of shipment-sync again and again for a few seconds
     * (a restart, a failover) while orders and their shipments arrive: every event waits for the database and is kept,
     * every shipment reaches Cart.com once. Only the malformed markers sent afterwards reach the dead-letter topics,
     * and a store's records are handled in order, so a dead-lettered event would have come before them.
     */
    @Test
    void eventsArrivingWhileTheDatabaseDropsConnectionsAreKeptNotDeadLettered() throws Exception {
        Store store = fixtures.store(StoreSetup.syncing());
        String key = Long.toString(store.storeId());
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            orders.add(fixtures.cartOrder(store));
        }
        CompletableFuture<Integer> outage = ConnectionDropper.dropFor(Duration.ofSeconds(4));
        for (Order order : orders) {
            kafka.publish(Topics.ORDERS_IMPORTED, order.event());
            fixtures.ship(store, order, List.of());
            Thread.sleep(300);
        }
        assertTrue(outage.get() > 0, "shipment-sync's connections were dropped");
        String marker = "not json, after the outage " + UUID.randomUUID();
        kafka.publishRaw(Topics.ORDERS_IMPORTED, key, marker);
        kafka.publishRaw(Topics.SHIPMENTS_CREATED, key, marker);

        for (Order order : orders) {
            await().atMost(WAIT).until(() -> fixtures.cartStatus(store, order) == SandboxFixtures.SHIPPED_STATUS);
            assertEquals(1, fixtures.cartShipments(store, order).size(), "one shipment at Cart.com");
        }
        for (String topic : List.of(Topics.ORDERS_IMPORTED, Topics.SHIPMENTS_CREATED)) {
            List<ConsumerRecord<String, String>> dead = kafka.read(Topics.dlq(topic),
                    r -> key.equals(r.key()) && (r.value() == null || !r.value().startsWith("not json") || marker.equals(r.value())), 1, WAIT);
            assertEquals(List.of(marker), dead.stream().map(ConsumerRecord::value).toList(),
                    "only the malformed marker is dead-lettered from " + topic);
        }
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextIsProcessed() {
        Store store = fixtures.store(StoreSetup.syncing().withoutStatus());
        Order order = fixtures.importedOrder(store);
        String marker = "not json " + UUID.randomUUID();
        kafka.publishRaw(Topics.SHIPMENTS_CREATED, Long.toString(store.storeId()), marker);
        ShipmentCreated good = fixtures.ship(store, order, List.of());

        awaitState(good, ShipmentState.sent);
        List<ConsumerRecord<String, String>> dead = kafka.read(Topics.dlq(Topics.SHIPMENTS_CREATED),
                r -> marker.equals(r.value()), 1, WAIT);
        assertEquals(1, dead.size(), "the malformed record is on the DLQ");
        String reason = TestKafka.header(dead.get(0), "dead-letter-reason");
        assertTrue(reason != null && reason.startsWith("not JSON"), "reason: " + reason);
    }

    @Test
    void recordsKeyedByAnotherStoreAreDeadLetteredWithTheReason() {
        Store store = fixtures.store(StoreSetup.syncing().withoutStatus());
        Order order = fixtures.cartOrder(store);
        ShipmentCreated shipment = fixtures.shipment(store, order, List.of());
        String snapshot = kafka.read(Topics.STORE_SETTINGS, r -> Long.toString(store.storeId()).equals(r.key()), 1, WAIT)
                .get(0).value();
        String wrongKey = "987654321";
        Map<String, String> misKeyed = Map.of(
                Topics.STORE_SETTINGS, snapshot,
                Topics.ORDERS_IMPORTED, EventCodec.write(order.event()),
                Topics.SHIPMENTS_CREATED, EventCodec.write(shipment));
        misKeyed.forEach((topic, value) -> kafka.publishRaw(topic, wrongKey, value));

        misKeyed.forEach((topic, value) -> {
            List<ConsumerRecord<String, String>> dead = kafka.read(Topics.dlq(topic), r -> value.equals(r.value()), 1, WAIT);
            assertEquals(1, dead.size(), "the record keyed " + wrongKey + " is on the DLQ of " + topic);
            assertEquals("key " + wrongKey + " is not the store id " + store.storeId() + " of the payload",
                    TestKafka.header(dead.get(0), EventHeaders.DLQ_REASON), topic);
        });
        assertEquals(Optional.empty(), shipments.stateOf(shipment.shipmentId()), "the shipment was not taken");
    }
}
