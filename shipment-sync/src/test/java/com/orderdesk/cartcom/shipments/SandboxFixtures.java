package com.orderdesk.cartcom.shipments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.cartcom.devstack.SandboxControl;
import com.orderdesk.cartcom.model.crypto.EncryptedToken;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.OrderImported;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.model.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the other services would have done before a shipment reaches shipment-sync: a Cart.com store in the
 * sandbox with its snapshot on the settings topic, and Cart.com orders imported into Order Desk (OrderImported
 * with the sandbox's own order item ids). Ids are unique per run, so tests never see each other's records.
 */
record SandboxFixtures(SandboxControl sandbox, TestKafka kafka, TokenCrypto crypto) {
    /** "Shipped" among the sandbox's default statuses. */
    static final long SHIPPED_STATUS = 3;
    /** "Approved, Pending Shipping": what the seeded orders start with. */
    static final long OPEN_STATUS = 2;
    private static final AtomicLong IDS = new AtomicLong(Instant.now().toEpochMilli() % 1_000_000_000L * 1000);

    record Store(long storeId, String domain) {
    }

    /** {@code items} hold Order Desk and Cart.com ids side by side, in the order they were created. */
    record Order(long orderId, long cartOrderId, List<OrderImported.Item> items, OrderImported event) {
        long itemId(int index) {
            return items.get(index).orderItemId();
        }

        long cartItemId(int index) {
            return items.get(index).cartItemId();
        }
    }

    /** A store with one of the setting combinations tests need. */
    record StoreSetup(boolean enabled, boolean syncTracking, Long afterShipmentStatusId, String afterShipmentStatusWhen,
                      Map<String, Object> sandboxSettings, List<String> tokenScopes) {
        static StoreSetup syncing() {
            return new StoreSetup(true, true, SHIPPED_STATUS, null, Map.of(), null);
        }

        /** The snapshot carries a token minted with these scopes (the store needs real_world partial_scopes). */
        StoreSetup tokenScopes(List<String> scopes) {
            return new StoreSetup(enabled, syncTracking, afterShipmentStatusId, afterShipmentStatusWhen, sandboxSettings,
                    scopes);
        }

        StoreSetup withoutStatus() {
            return new StoreSetup(enabled, syncTracking, null, afterShipmentStatusWhen, sandboxSettings, tokenScopes);
        }

        StoreSetup trackingOff() {
            return new StoreSetup(enabled, false, afterShipmentStatusId, afterShipmentStatusWhen, sandboxSettings, tokenScopes);
        }

        StoreSetup statusWhen(String when) {
            return new StoreSetup(enabled, syncTracking, afterShipmentStatusId, when, sandboxSettings, tokenScopes);
        }

        /** Store fields of the sandbox control API, e.g. {@code retry_after_format}. */
        StoreSetup sandbox(Map<String, Object> settings) {
            return new StoreSetup(enabled, syncTracking, afterShipmentStatusId, afterShipmentStatusWhen, settings, tokenScopes);
        }
    }

    Store store(StoreSetup setup) {
        SandboxControl.SandboxStore cart = sandbox.createStore(new HashMap<>(setup.sandboxSettings()));
        long storeId = IDS.incrementAndGet();
        String token = setup.tokenScopes() == null ? cart.token() : sandbox.mintToken(cart.domain(), setup.tokenScopes());
        EncryptedToken sealed = crypto.encrypt(storeId, cart.domain(), token);
        StoreIntegrationChanged snapshot = new StoreIntegrationChanged(UUID.randomUUID(), StoreIntegrationChanged.TYPE,
                1, Instant.now(), storeId, 1, true, setup.enabled(), cart.domain(), sealed.ciphertext(),
                sealed.keyId(), "hash", "America/Chicago", 15, List.of(OPEN_STATUS), 100L, null,
                setup.afterShipmentStatusId(), setup.syncTracking(), "CC-", List.of());
        ObjectNode json = (ObjectNode) Json.mapper().valueToTree(snapshot);
        if (setup.afterShipmentStatusWhen() != null) {
            // The field settings-service will add to the snapshot; the contract's record does not carry it yet.
            json.put("afterShipmentStatusWhen", setup.afterShipmentStatusWhen());
        }
        kafka.publishRaw(Topics.STORE_SETTINGS, Long.toString(storeId), json.toString());
        return new Store(storeId, cart.domain());
    }

    /** A Cart.com order with two lines (quantities 3 and 1), imported into Order Desk. */
    Order importedOrder(Store store) {
        Order order = cartOrder(store);
        kafka.publish(Topics.ORDERS_IMPORTED, order.event());
        return order;
    }

    /** A Cart.com order with two lines (quantities 3 and 1) whose OrderImported is not published yet. */
    Order cartOrder(Store store) {
        JsonNode cart = sandbox.createOrder(store.domain(), Map.of("order_status_id", OPEN_STATUS, "items", List.of(
                Map.of("item_number", "SKU-1", "quantity", 3), Map.of("item_number", "SKU-2", "quantity", 1))));
        List<OrderImported.Item> items = new ArrayList<>();
        for (JsonNode line : cart.path("items")) {
            items.add(new OrderImported.Item(IDS.incrementAndGet(), line.path("id").asLong(),
                    line.path("item_number").asText(), line.path("quantity").asInt()));
        }
        long orderId = IDS.incrementAndGet();
        long cartOrderId = cart.path("id").asLong();
        return new Order(orderId, cartOrderId, items,
                OrderImported.of(store.storeId(), orderId, "CC-" + cartOrderId, cartOrderId, 100L, items));
    }

    /** An OrderImported naming a Cart.com item the order does not have: Cart.com rejects its shipments (409). */
    Order importedOrderWithForeignItem(Store store) {
        Order real = cartOrder(store);
        List<OrderImported.Item> items = List.of(new OrderImported.Item(IDS.incrementAndGet(), 999_999_999L, "GONE", 1));
        Order order = new Order(real.orderId(), real.cartOrderId(), items, OrderImported.of(store.storeId(),
                real.orderId(), "CC-" + real.cartOrderId(), real.cartOrderId(), 100L, items));
        kafka.publish(Topics.ORDERS_IMPORTED, order.event());
        return order;
    }

    /** Publishes a shipment of the given items ({@code orderItemId -> quantity}; none = the whole order). */
    ShipmentCreated ship(Store store, Order order, List<ShipmentCreated.Item> items) {
        ShipmentCreated shipment = shipment(store, order, items);
        kafka.publish(Topics.SHIPMENTS_CREATED, shipment);
        return shipment;
    }

    /** A shipment of the given items, not published. */
    ShipmentCreated shipment(Store store, Order order, List<ShipmentCreated.Item> items) {
        return shipment(store, order, items, "UPS");
    }

    /** A whole-order shipment by this Order Desk carrier code, published. */
    ShipmentCreated ship(Store store, Order order, String carrierCode) {
        ShipmentCreated shipment = shipment(store, order, List.of(), carrierCode);
        kafka.publish(Topics.SHIPMENTS_CREATED, shipment);
        return shipment;
    }

    private ShipmentCreated shipment(Store store, Order order, List<ShipmentCreated.Item> items, String carrierCode) {
        return ShipmentCreated.of(store.storeId(), IDS.incrementAndGet(), order.orderId(),
                "1Z" + IDS.incrementAndGet(), carrierCode, "Ground", "https://track.example/1Z",
                Instant.parse("2024-05-06T07:08:09Z"), items);
    }

    static String shipmentName(ShipmentCreated shipment) {
        return "OD-SHIP-" + shipment.shipmentId();
    }

    /** The Cart.com order's shipments (control view, with their shipped items). */
    List<JsonNode> cartShipments(Store store, Order order) {
        List<JsonNode> shipments = new ArrayList<>();
        sandbox.order(store.domain(), order.cartOrderId()).path("shipments").forEach(shipments::add);
        return shipments;
    }

    long cartStatus(Store store, Order order) {
        return sandbox.order(store.domain(), order.cartOrderId()).path("order_status_id").asLong();
    }
}
