package com.orderdesk.cartcom.e2e.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.devstack.JsonHttp;
import com.orderdesk.cartcom.devstack.SandboxControl;
import com.orderdesk.cartcom.devstack.ServiceProcess;
import com.orderdesk.cartcom.launcher.DemoStore;
import com.orderdesk.cartcom.launcher.LocalSystem;
import com.orderdesk.cartcom.launcher.OrderDesk;
import com.orderdesk.cartcom.launcher.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The merchant-visible workload of the suites: many connected stores, orders arriving at Cart.com in two waves,
 * a share of them shipped in Order Desk once Cart.com shows them acknowledged, and the end state checked the
 * way a merchant would see it: at Cart.com (the sandbox) and in Order Desk.
 */
final class Workload {
    private final LocalSystem system;
    private final SuiteSize size;
    private final DemoStore demo;
    private final SandboxControl sandbox;
    private final List<DemoStore.Setup> stores = new ArrayList<>();
    private final Map<DemoStore.Setup, List<Long>> cartOrders = new LinkedHashMap<>();
    /** Orders (domain:Cart.com id, ids repeat across stores) whose shipment Order Desk has recorded. */
    private final Set<String> shipped = ConcurrentHashMap.newKeySet();
    private final Random random = new Random(7);

    Workload(LocalSystem system, SuiteSize size) {
        this.system = system;
        this.size = size;
        this.demo = new DemoStore(system);
        this.sandbox = demo.sandbox();
    }

    /** Creates the stores and seeds the first half of the orders. */
    void connectStores(Map<String, Object> sandboxStoreSettings) {
        for (int i = 0; i < size.stores(); i++) {
            Map<String, Object> settings = new LinkedHashMap<>(sandboxStoreSettings);
            settings.put("retry_after_format", i % 2 == 0 ? "seconds" : "http-date");
            SandboxControl.SandboxStore cart = sandbox.createStore(settings);
            DemoStore.Setup setup = demo.connectStore("Suite store " + i, cart, size.ordersPerStore() / 2);
            stores.add(setup);
            cartOrders.put(setup, new ArrayList<>(setup.cartOrderIds()));
        }
    }

    /** Seeds the second half of the orders at once, while the system is busy. */
    void seedSecondWave() {
        seedWave(1, 1);
    }

    /**
     * Seeds wave {@code wave} of {@code waves} of the second half of the orders, so that orders keep arriving
     * across a whole run; the last wave tops every store up to its full count.
     */
    synchronized void seedWave(int wave, int waves) {
        for (DemoStore.Setup store : stores) {
            List<Long> seeded = cartOrders.get(store);
            int target = size.ordersPerStore() / 2 + (size.ordersPerStore() - size.ordersPerStore() / 2) * wave / waves;
            int count = (wave == waves ? size.ordersPerStore() : target) - seeded.size();
            if (count > 0) {
                seeded.addAll(sandbox.seedOrders(store.cart().domain(), count, store.settings().downloadStatusId()));
            }
        }
    }

    void applyFaults(Map<String, Object> faults) {
        stores.forEach(store -> sandbox.setFaults(store.cart().domain(), faults));
    }

    void clearFaults() {
        stores.forEach(store -> sandbox.clearFaults(store.cart().domain()));
    }

    /**
     * One round of shipping: every order to ship that Cart.com shows acknowledged (in the after-import status)
     * gets its shipment in Order Desk. Returns how many orders still wait to be shipped.
     */
    int shipAcknowledgedOrders() {
        int waiting = 0;
        for (DemoStore.Setup store : stores) {
            Map<Long, JsonNode> imported = importedOrders(store);
            for (long cartOrderId : seededSoFar(store)) {
                if (!size.ships(cartOrderId) || shipped.contains(key(store, cartOrderId))) {
                    continue;
                }
                JsonNode order = imported.get(cartOrderId);
                if (order == null || !acknowledged(store, cartOrderId)) {
                    waiting++;
                    continue;
                }
                if (!ship(store, order)) {
                    waiting++;
                }
            }
        }
        return waiting;
    }

    private synchronized List<Long> seededSoFar(DemoStore.Setup store) {
        return List.copyOf(cartOrders.get(store));
    }

    private boolean acknowledged(DemoStore.Setup store, long cartOrderId) {
        return sandbox.order(store.cart().domain(), cartOrderId).path("order_status_id").asLong()
                == store.settings().afterImportStatusId();
    }

    /** Posts the shipment through a random importer instance; an unclear failure is checked before any retry. */
    private boolean ship(DemoStore.Setup store, JsonNode order) {
        long cartOrderId = cartOrderId(order);
        if (!order.path("order_shipments").isEmpty()) {
            shipped.add(key(store, cartOrderId));
            return true;
        }
        List<ServiceProcess> importers = system.instances(Service.IMPORTER);
        ServiceProcess importer = importers.get(random.nextInt(importers.size()));
        JsonHttp api = new JsonHttp(LocalSystem.origin(importer), Map.of(
                "ORDERDESK-STORE-ID", Long.toString(store.store().id()), "ORDERDESK-API-KEY", store.store().apiKey()));
        Map<String, Object> body = Map.of("tracking_number", "1Z" + cartOrderId, "carrier_code", "UPS",
                "shipment_method", "Ground", "tracking_url", "https://tracking.example/1Z" + cartOrderId);
        try {
            JsonHttp.Response response = api.post("/api/v1/stores/" + store.store().id() + "/orders/"
                    + order.path("id").asLong() + "/shipments", body);
            if (response.status() == 201) {
                shipped.add(key(store, cartOrderId));
                return true;
            }
        } catch (RuntimeException e) {
            // The instance may be down (chaos); the next round reads the order again before retrying.
        }
        return false;
    }

    /** What is not yet as it must end; empty when the run converged. */
    List<String> discrepancies() {
        List<String> problems = new ArrayList<>();
        for (DemoStore.Setup store : stores) {
            Map<Long, JsonNode> imported = importedOrders(store);
            List<Long> seeded = seededSoFar(store);
            int total = demo.orderDesk().orders(store.store()).path("total").asInt();
            if (total != seeded.size()) {
                problems.add("store " + store.store().id() + ": " + total + " orders in Order Desk, "
                        + seeded.size() + " at Cart.com");
            }
            for (long cartOrderId : seeded) {
                problems.addAll(check(store, cartOrderId, imported.get(cartOrderId)));
            }
        }
        return problems;
    }

    private List<String> check(DemoStore.Setup store, long cartOrderId, JsonNode imported) {
        List<String> problems = new ArrayList<>();
        String name = store.cart().domain() + " order " + cartOrderId;
        if (imported == null) {
            problems.add(name + " not imported");
            return problems;
        }
        JsonNode cart = sandbox.order(store.cart().domain(), cartOrderId);
        boolean ships = size.ships(cartOrderId);
        long expectedStatus = ships ? store.settings().afterShipmentStatusId() : store.settings().afterImportStatusId();
        if (cart.path("order_status_id").asLong() != expectedStatus) {
            problems.add(name + " in status " + cart.path("order_status_id").asLong() + ", expected " + expectedStatus);
        }
        int expectedShipments = ships ? 1 : 0;
        if (cart.path("shipments").size() != expectedShipments) {
            problems.add(name + " has " + cart.path("shipments").size() + " shipments at Cart.com, expected "
                    + expectedShipments);
        }
        if (ships && imported.path("order_shipments").size() != 1) {
            problems.add(name + " has " + imported.path("order_shipments").size() + " shipments in Order Desk");
        }
        return problems;
    }

    /** Order Desk's orders of a store by Cart.com order id; a second order for one Cart.com id is a failure. */
    private Map<Long, JsonNode> importedOrders(DemoStore.Setup store) {
        Map<Long, JsonNode> byCartId = new LinkedHashMap<>();
        Set<Long> doubled = new HashSet<>();
        JsonHttp api = demo.orderDesk().importer(store.store());
        int offset = 0;
        while (true) {
            JsonNode page = api.get("/api/v1/stores/" + store.store().id() + "/orders?limit=500&offset=" + offset)
                    .expect(200, "orders");
            for (JsonNode order : page.path("orders")) {
                if (byCartId.put(cartOrderId(order), order) != null) {
                    doubled.add(cartOrderId(order));
                }
            }
            offset += page.path("orders").size();
            if (page.path("orders").isEmpty() || offset >= page.path("total").asInt()) {
                break;
            }
        }
        if (!doubled.isEmpty()) {
            throw new AssertionError("orders imported twice at store " + store.store().id() + ": " + doubled);
        }
        return byCartId;
    }

    private static String key(DemoStore.Setup store, long cartOrderId) {
        return store.cart().domain() + ":" + cartOrderId;
    }

    private static long cartOrderId(JsonNode order) {
        return order.path("order_metadata").path("cartcom_order_id").asLong();
    }

    /** The status changes and shipments written at Cart.com for all stores, each write counted. */
    CartcomWrites writes() {
        return CartcomWrites.read(sandbox, stores);
    }

    /** Cart.com calls the integration made for all stores, and how many were status updates. */
    Map<String, Long> callCounts() {
        long total = 0;
        long statusPuts = 0;
        for (DemoStore.Setup store : stores) {
            for (JsonNode call : sandbox.calls(store.cart().domain())) {
                total++;
                if (call.path("method").asText().equals("PUT") && call.path("path").asText().endsWith("/status")) {
                    statusPuts++;
                }
            }
        }
        return Map.of("calls", total, "statusPuts", statusPuts);
    }

    int shippedCount() {
        return shipped.size();
    }

    static void awaitQuietly(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    OrderDesk orderDesk() {
        return demo.orderDesk();
    }
}
