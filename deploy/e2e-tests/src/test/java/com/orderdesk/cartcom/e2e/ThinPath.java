package com.orderdesk.cartcom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.launcher.DemoStore;
import com.orderdesk.cartcom.devstack.JsonHttp;
import com.orderdesk.cartcom.launcher.LocalSystem;
import com.orderdesk.cartcom.launcher.OrderDesk;
import com.orderdesk.cartcom.launcher.Service;
import com.orderdesk.cartcom.launcher.Waits;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The thin path: the four packaged services as processes against the real broker, the real database and the
 * sandbox over HTTP: a store is connected, its orders arrive in Order Desk in the right folder with the prefix, each
 * is acknowledged at the cart once, and a shipment goes back once with the after-shipment status. One system start
 * per subclass, which says how the system runs ({@link ThinPathIT}, {@link SaslThinPathIT}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ThinPath {
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);
    private static final int ORDERS = 3;

    LocalSystem system;
    private DemoStore demo;
    private DemoStore.Setup setup;
    private List<JsonNode> imported;

    /** The options to run the system with, from those of the plain thin path. */
    abstract LocalSystem.Options options(LocalSystem.Options plain);

    @BeforeAll
    void startSystem() throws Exception {
        Path repoRoot = Path.of("../..").toAbsolutePath().normalize();
        Path dataDir = Files.createTempDirectory("cartcom-" + getClass().getSimpleName() + "-");
        system = LocalSystem.start(options(new LocalSystem.Options(repoRoot, dataDir, true, "e2e-admin-token",
                Duration.ofSeconds(2))));
        demo = new DemoStore(system);
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void connectingAStoreVerifiesItLiveAndNeverShowsTheToken() {
        setup = demo.connectStoreWithOrders("E2E store", ORDERS);
        JsonNode connection = demo.orderDesk().settings(setup.store())
                .get(demo.orderDesk().integrationPath(setup.store()) + "/settings").expect(200, "settings");
        assertEquals(setup.settings().downloadStatusId(), connection.path("download_status_ids").get(0).asLong());
        assertTrue(demo.sandbox().countCalls(setup.cart().domain(), "GET", "/order_statuses") >= 1,
                "the connection was checked live at Cart.com");

        JsonHttp wrongKey = new JsonHttp(system.baseUrl(Service.SETTINGS),
                Map.of("ORDERDESK-STORE-ID", Long.toString(setup.store().id()), "ORDERDESK-API-KEY", "wrong"));
        assertEquals(401, wrongKey.get(demo.orderDesk().integrationPath(setup.store()) + "/settings").status());
        String everything = demo.orderDesk().status(setup.store()).toString() + connection;
        assertFalse(everything.contains(setup.cart().token()), "the access token never leaves settings-service");
    }

    @Test
    @Order(2)
    void ordersArriveInTheChosenFolderWithThePrefix() {
        imported = demo.awaitImported(setup, FLOW_TIMEOUT);
        for (int i = 0; i < ORDERS; i++) {
            JsonNode order = imported.get(i);
            assertEquals(DemoStore.ORDER_PREFIX + setup.cartOrderIds().get(i), order.path("source_id").asText());
            assertEquals(setup.settings().folderId(), order.path("folder_id").asLong());
            assertEquals("Cart.com", order.path("source_name").asText());
            assertFalse(order.path("order_items").isEmpty(), "items were mapped");
            JsonNode cartOrder = demo.sandbox().order(setup.cart().domain(), setup.cartOrderIds().get(i));
            // A real-world store sends money as text ("12.50") as well as numbers: compared as decimals either way.
            assertEquals(0, new BigDecimal(cartOrder.path("grand_total").asText()).compareTo(order.path("order_total").decimalValue()),
                    "order total");
        }
        assertEquals(ORDERS, demo.orderDesk().orders(setup.store()).path("total").asInt(), "each order once");
    }

    @Test
    @Order(3)
    void eachOrderIsAcknowledgedAtTheCartOnce() {
        for (long cartOrderId : setup.cartOrderIds()) {
            demo.awaitCartStatus(setup, cartOrderId, setup.settings().afterImportStatusId(), FLOW_TIMEOUT);
        }
        for (long cartOrderId : setup.cartOrderIds()) {
            assertEquals(1, demo.sandbox().countCalls(setup.cart().domain(), "PUT", "/orders/" + cartOrderId + "/status"),
                    "one status update for order " + cartOrderId);
        }
        // Later polls find nothing new: the acknowledged orders left the download filter, none comes back twice.
        Waits.until("another poll", FLOW_TIMEOUT, () -> demo.sandbox().countCalls(setup.cart().domain(), "GET", "/orders") >= 3
                ? Optional.of(true) : Optional.empty());
        assertEquals(ORDERS, demo.orderDesk().orders(setup.store()).path("total").asInt());
    }

    @Test
    @Order(4)
    void aShipmentGoesBackOnceWithTheAfterShipmentStatus() {
        JsonNode order = imported.get(0);
        long cartOrderId = setup.cartOrderIds().get(0);
        JsonNode shipment = demo.shipFirstOrder(setup, order);
        String tracking = shipment.path("tracking_number").asText();
        JsonNode cartOrder = demo.awaitCartShipment(setup, cartOrderId, tracking, FLOW_TIMEOUT);
        JsonNode synced = Waits.until("after-shipment status", FLOW_TIMEOUT, () -> {
            JsonNode now = demo.sandbox().order(setup.cart().domain(), cartOrderId);
            return now.path("order_status_id").asLong() == setup.settings().afterShipmentStatusId()
                    ? Optional.of(now) : Optional.empty();
        });
        assertEquals(1, synced.path("shipments").size(), "one shipment at Cart.com: " + cartOrder);
        JsonNode cartShipment = synced.path("shipments").get(0);
        // Order Desk's "UPS" goes under the store's own name for the carrier (a real-world store's /shipping_providers).
        assertEquals("United Parcel Service", cartShipment.path("shipping_provider_name").asText());
        assertEquals(1, demo.sandbox().countCalls(setup.cart().domain(), "POST", "/order_shipments"));
    }

    @Test
    @Order(5)
    void theMerchantSeesTheIntegrationWorking() {
        OrderDesk orderDesk = demo.orderDesk();
        JsonNode status = Waits.until("status with a successful poll", FLOW_TIMEOUT, () -> {
            JsonNode now = orderDesk.status(setup.store());
            return now.path("last_success_at").isTextual() ? Optional.of(now) : Optional.empty();
        });
        assertTrue(status.path("connected").asBoolean());
        assertTrue(status.path("enabled").asBoolean());
        assertTrue(orderDesk.activity(setup.store()).size() > 0 || orderDesk.activity(setup.store()).path("activity").size() > 0,
                "activity is recorded");
        JsonNode webhooks = Waits.until("webhooks on in the status", FLOW_TIMEOUT, () -> {
            JsonNode now = orderDesk.status(setup.store()).path("webhooks");
            return now.path("state").asText().equals("on") ? Optional.of(now) : Optional.empty();
        });
        assertTrue(webhooks.path("message").asText().contains("within seconds"), webhooks.toString());
    }

    @Test
    @Order(6)
    void anOrderPlacedAtCartcomArrivesThroughItsWebhook() {
        JsonNode subscriptions = demo.sandbox().webhooks(setup.cart().domain()).path("subscriptions");
        assertEquals(2, subscriptions.size(), "NewOrder and OrderStatusChanged, once each: " + subscriptions);
        long placed = demo.sandbox().seedOrders(setup.cart().domain(), 1, setup.settings().downloadStatusId()).get(0);
        Waits.until("the order's webhook delivered", FLOW_TIMEOUT, () -> {
            for (JsonNode delivery : demo.sandbox().webhooks(setup.cart().domain()).path("deliveries")) {
                if (delivery.path("order_id").asLong() == placed && delivery.path("event_type").asText().equals("NewOrder")
                        && delivery.path("status").asInt() == 204) {
                    return Optional.of(delivery);
                }
            }
            return Optional.empty();
        });
        Waits.until("order " + placed + " imported", FLOW_TIMEOUT,
                () -> demo.orderDesk().orderBySourceId(setup.store(), DemoStore.ORDER_PREFIX + placed));
    }
}
