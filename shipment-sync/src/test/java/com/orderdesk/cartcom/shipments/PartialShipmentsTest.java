package com.orderdesk.cartcom.shipments;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.shipments.SandboxFixtures.Order;
import com.orderdesk.cartcom.shipments.SandboxFixtures.Store;
import com.orderdesk.cartcom.shipments.SandboxFixtures.StoreSetup;
import com.orderdesk.cartcom.shipments.repository.ShipmentState;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Several shipments on one order: each is its own Cart.com shipment, and "After Shipment, Set Status" follows the
 * store's policy (after each shipment by default; once every item has shipped with {@code fully_shipped}).
 */
@QuarkusTest
class PartialShipmentsTest extends SandboxTestBase {

    @Test
    void twoPartialShipmentsAreTwoCartShipmentsAndTheStatusIsSetAfterTheFirst() {
        Store store = fixtures.store(StoreSetup.syncing());
        Order order = fixtures.importedOrder(store);

        ShipmentCreated first = fixtures.ship(store, order, List.of(new ShipmentCreated.Item(order.itemId(0), 3)));
        awaitState(first, ShipmentState.sent);
        assertEquals(SandboxFixtures.SHIPPED_STATUS, fixtures.cartStatus(store, order),
                "default policy: the status follows the first, partial shipment");

        ShipmentCreated second = fixtures.ship(store, order, List.of(new ShipmentCreated.Item(order.itemId(1), 1)));
        awaitState(second, ShipmentState.sent);
        List<JsonNode> cart = fixtures.cartShipments(store, order);
        assertEquals(2, cart.size(), "one Cart.com shipment per Order Desk shipment: " + cart);
        assertShipment(cart.get(0), first, order.cartItemId(0), 3);
        assertShipment(cart.get(1), second, order.cartItemId(1), 1);
        assertEquals(2, calls(store, "PUT", "/orders/" + order.cartOrderId() + "/status").size(),
                "the status is set after each shipment");
    }

    @Test
    void withFullyShippedTheStatusWaitsUntilEveryItemHasShipped() {
        Store store = fixtures.store(StoreSetup.syncing().statusWhen("fully_shipped"));
        Order order = fixtures.importedOrder(store);

        // Two of the three of the first line, then the rest of it: still one line short.
        ShipmentCreated first = fixtures.ship(store, order, List.of(new ShipmentCreated.Item(order.itemId(0), 2)));
        awaitState(first, ShipmentState.sent);
        ShipmentCreated second = fixtures.ship(store, order, List.of(new ShipmentCreated.Item(order.itemId(0), 1)));
        awaitState(second, ShipmentState.sent);
        assertEquals(SandboxFixtures.OPEN_STATUS, fixtures.cartStatus(store, order), "not fully shipped yet");
        assertTrue(calls(store, "PUT", "/status").isEmpty());
        ActivityRecorded partial = awaitActivities(store, a -> a.kind().equals(ActivityKinds.SHIPMENT_SYNCED), 2).get(1);
        assertTrue(partial.message().contains("every item has shipped"), partial.message());

        ShipmentCreated last = fixtures.ship(store, order, List.of(new ShipmentCreated.Item(order.itemId(1), 1)));
        awaitState(last, ShipmentState.sent);
        assertEquals(SandboxFixtures.SHIPPED_STATUS, fixtures.cartStatus(store, order), "the last item shipped");
        assertEquals(1, calls(store, "PUT", "/status").size(), "the status is set once");
        assertEquals(3, fixtures.cartShipments(store, order).size());
    }

    @Test
    void pendingShipmentsAreReportedPerStoreAsTheyChange() {
        Store store = fixtures.store(StoreSetup.syncing().withoutStatus());
        Order order = fixtures.importedOrder(store);
        sandbox.setFaults(store.domain(), Map.of("error_rate", 1.0));
        ShipmentCreated shipment = fixtures.ship(store, order, List.of());

        awaitActivities(store, a -> Long.valueOf(1).equals(a.counts().get(ActivityKinds.COUNT_SHIPMENTS_PENDING)), 1);
        sandbox.clearFaults(store.domain());
        awaitState(shipment, ShipmentState.sent);
        ActivityRecorded cleared = awaitActivities(store,
                a -> Long.valueOf(0).equals(a.counts().get(ActivityKinds.COUNT_SHIPMENTS_PENDING)), 1).get(0);
        assertEquals(ActivityRecorded.Level.info, cleared.level());
        long reports = activities(store, java.time.Duration.ofSeconds(3)).stream()
                .filter(a -> a.counts().containsKey(ActivityKinds.COUNT_SHIPMENTS_PENDING)).count();
        assertEquals(2, reports, "reported when the value changed, not every sweep");
        await().atMost(WAIT).until(() -> fixtures.cartShipments(store, order).size() == 1);
    }

    private static void assertShipment(JsonNode cart, ShipmentCreated shipment, long cartItemId, int quantity) {
        assertEquals(SandboxFixtures.shipmentName(shipment), cart.path("shipment_name").asText());
        assertEquals(shipment.trackingNumber(), cart.path("tracking_numbers").asText());
        assertEquals(1, cart.path("items").size(), cart.toString());
        assertEquals(cartItemId, cart.path("items").get(0).path("id").asLong());
        assertEquals(quantity, cart.path("items").get(0).path("quantity_shipped").asInt());
    }
}
