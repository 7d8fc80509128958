package com.orderdesk.cartcom.launcher;

import com.orderdesk.cartcom.devstack.SandboxControl;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The merchant's journey on the local system: a Cart.com (sandbox) store with orders, an Order Desk store
 * connected to it with the guide's recommended settings, orders imported, and one shipment sent back.
 */
public final class DemoStore {
    public static final String ORDER_PREFIX = "CC-";
    /** The sandbox store settings of the demo and the end-to-end suites: what a live Gold store sends. */
    public static final Map<String, Object> REAL_WORLD_GOLD = Map.of("plan", "gold", "real_world", List.of("all"));

    private final LocalSystem system;
    private final SandboxControl sandbox;
    private final OrderDesk orderDesk;

    public DemoStore(LocalSystem system) {
        this.system = system;
        this.sandbox = new SandboxControl(system.sandboxUrl());
        this.orderDesk = new OrderDesk(system.baseUrl(Service.SETTINGS), system.baseUrl(Service.IMPORTER),
                system.adminToken());
    }

    public record Setup(SandboxControl.SandboxStore cart, OrderDesk.Store store, OrderDesk.Settings settings,
                        List<Long> cartOrderIds) {
    }

    /**
     * A Gold-plan store in the sandbox's real-world mode (every shape live stores send: coupon, gift-wrap and kit
     * lines, mixed weight units, numeric ZIPs, fees, variant SKUs, ...), connected with {@code orders} orders.
     */
    public Setup connectStoreWithOrders(String name, int orders) {
        return connectStore(name, sandbox.createStore(REAL_WORLD_GOLD), orders);
    }

    /**
     * Connects a new Order Desk store to the given sandbox store with the guide's recommended settings, after
     * seeding {@code orders} orders (zero is fine) in "Pending Processing".
     */
    public Setup connectStore(String name, SandboxControl.SandboxStore cart, int orders) {
        return connectStore(name, cart, orders, 5);
    }

    /** The same, checked every {@code checkIntervalMinutes} (one the guide offers: 5, 10, 15, 30, 60, ...). */
    public Setup connectStore(String name, SandboxControl.SandboxStore cart, int orders, int checkIntervalMinutes) {
        OrderDesk.Store store = orderDesk.createStore(name, "America/Chicago");
        orderDesk.connect(store, cart.domain(), cart.token());
        long pending = orderDesk.statusId(store, s -> s.path("name").asText().equalsIgnoreCase("Pending Processing"),
                "Pending Processing");
        long approved = orderDesk.statusId(store, s -> s.path("name").asText().toLowerCase().startsWith("approved"),
                "Approved");
        long shipped = orderDesk.statusId(store,
                s -> s.path("is_shipped").asBoolean() && !s.path("is_quote_status").asBoolean(), "a shipped status");
        List<Long> ids = orders == 0 ? List.of() : sandbox.seedOrders(cart.domain(), orders, pending);
        OrderDesk.Settings settings = new OrderDesk.Settings(pending, approved, shipped,
                orderDesk.folderId(store, "New"), ORDER_PREFIX, checkIntervalMinutes);
        orderDesk.saveSettings(store, settings);
        return new Setup(cart, store, settings, ids);
    }

    /** Waits until every seeded order is in Order Desk; returns them by Cart.com id order. */
    public List<JsonNode> awaitImported(Setup setup, Duration timeout) {
        return setup.cartOrderIds().stream()
                .map(id -> Waits.until("order " + id + " imported", timeout,
                        () -> orderDesk.orderBySourceId(setup.store(), ORDER_PREFIX + id)))
                .toList();
    }

    /** Waits until the sandbox shows the order in the after-import status. */
    public JsonNode awaitCartStatus(Setup setup, long cartOrderId, long statusId, Duration timeout) {
        return Waits.until("order " + cartOrderId + " in status " + statusId + " at Cart.com", timeout, () -> {
            JsonNode order = sandbox.order(setup.cart().domain(), cartOrderId);
            return order.path("order_status_id").asLong() == statusId ? Optional.of(order) : Optional.empty();
        });
    }

    public JsonNode shipFirstOrder(Setup setup, JsonNode order) {
        return orderDesk.addShipment(setup.store(), order.path("id").asLong(), "1Z999AA1" + order.path("id").asText(),
                "UPS", "Ground");
    }

    /** Waits until the sandbox order carries a shipment with the tracking number. */
    public JsonNode awaitCartShipment(Setup setup, long cartOrderId, String trackingNumber, Duration timeout) {
        return Waits.until("shipment " + trackingNumber + " at Cart.com", timeout, () -> {
            JsonNode order = sandbox.order(setup.cart().domain(), cartOrderId);
            for (JsonNode shipment : order.path("shipments")) {
                if (shipment.path("tracking_numbers").asText().contains(trackingNumber)) {
                    return Optional.of(order);
                }
            }
            return Optional.empty();
        });
    }

    public SandboxControl sandbox() {
        return sandbox;
    }

    public OrderDesk orderDesk() {
        return orderDesk;
    }
}
