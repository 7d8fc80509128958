package com.orderdesk.cartcom.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.devstack.JsonHttp;
import com.orderdesk.cartcom.devstack.SandboxControl;
import com.orderdesk.cartcom.devstack.SandboxControl.CallerCount;
import com.orderdesk.cartcom.launcher.DemoStore;
import com.orderdesk.cartcom.launcher.OrderDesk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One store of the call-budget benchmark (issue 20, item 4) with every flow at once, as a merchant would meet them:
 * a backlog of new orders and a week of older ones waiting at Cart.com, the store connected, a manual import of the
 * last week requested at once, and shipments added in Order Desk to orders as Cart.com shows them acknowledged, while
 * the rest are still being acknowledged. The clock runs from connecting until all of it shows at Cart.com and in Order
 * Desk.
 */
final class AllFlowsStore {
    /** The sandbox's "Pending Processing" (its default statuses): the guide's download status, which both walks read. */
    private static final long PENDING_PROCESSING = 1;
    private static final int WEEK_DAYS = 7;
    /** The zone {@link DemoStore#connectStore} gives the Order Desk store: the import's "since" is a date there. */
    private static final ZoneId STORE_ZONE = ZoneId.of("America/Chicago");
    /** Between two looks at the end state: a second is under 1% of the shortest run's floor. */
    private static final long LOOK_EVERY_MILLIS = 1000;
    /** A status update's path in the sandbox's call log. */
    private static final Pattern STATUS_PUT = Pattern.compile("/orders/(\\d+)/status$");

    /** Per store: the new orders waiting when it connects, the older orders of the last week, the shipments added. */
    record Sizes(int backlog, int weekOrders, int shipments) {
        int orders() {
            return backlog + weekOrders;
        }
    }

    private final DemoStore demo;
    private final JsonHttp sandboxHttp;
    private final String name;
    private final CallPlan plan;
    private final Sizes sizes;
    private SandboxControl.SandboxStore cart;
    private final Set<Long> backlog = new LinkedHashSet<>();
    private final List<Long> allOrders = new ArrayList<>();
    /** Cart.com ids of the orders shipped in Order Desk. */
    private final Set<Long> shipped = new HashSet<>();
    /** Cart.com ids of the orders seen in their final state at Cart.com (it cannot change after that). */
    private final Set<Long> settled = new HashSet<>();
    private int importedWhenShipped;
    /** The orders acknowledged at Cart.com when the last shipment was added. */
    private long acknowledgedWhenShipped;
    private long importFound;
    private String waitingFor = "the first look";
    /** The importer's calls at Cart.com when the shipping look last read the call log. */
    private long importerWritesSeen;
    /** When the clock started, for the timeline of the store's calls. */
    private Instant clockStarted;

    AllFlowsStore(DemoStore demo, String sandboxUrl, String name, CallPlan plan, Sizes sizes) {
        this.demo = demo;
        this.sandboxHttp = new JsonHttp(sandboxUrl, Map.of());
        this.name = name;
        this.plan = plan;
        this.sizes = sizes;
    }

    /**
     * Before the clock: the Cart.com store on its plan, the week's orders (ordered over the last seven days, still in
     * the download status: what the manual import walks) and then the backlog, and the store's call counts cleared.
     */
    void prepare() {
        cart = demo.sandbox().createStore(Map.of("plan", plan.sandboxName()));
        if (sizes.weekOrders() > 0) {
            JsonNode seeded = sandboxHttp.post("/_sandbox/stores/" + cart.domain() + "/orders/seed", Map.of("count",
                    sizes.weekOrders(), "order_status_id", PENDING_PROCESSING, "days_back", WEEK_DAYS))
                    .expect(201, "seed a week of orders");
            seeded.path("order_ids").forEach(id -> allOrders.add(id.asLong()));
        }
        backlog.addAll(demo.sandbox().seedOrders(cart.domain(), sizes.backlog(), PENDING_PROCESSING));
        allOrders.addAll(backlog);
        demo.sandbox().clearCallers(cart.domain());
    }

    /** The clock: connected with the guide's settings and the import requested, then polled until the end state. */
    StoreOutcome run(Duration timeout) {
        long started = System.nanoTime();
        clockStarted = Instant.now();
        long deadline = started + timeout.toNanos();
        DemoStore.Setup store = demo.connectStore(name, cart, 0);
        String importPath = requestImport(store.store());
        while (System.nanoTime() < deadline) {
            try {
                if (endState(store, importPath)) {
                    Duration time = Duration.ofNanos(System.nanoTime() - started);
                    List<CallerCount> callers = demo.sandbox().callers(cart.domain());
                    checkImportedOnce(store.store());
                    return outcome(time, true, callers);
                }
            } catch (RuntimeException e) {
                // A service busy or restarting answers an error for a moment: look again, as a merchant would.
                waitingFor = "an answer (" + e.getMessage() + ")";
            }
            pause();
        }
        return outcome(Duration.ofNanos(System.nanoTime() - started), false, demo.sandbox().callers(cart.domain()));
    }

    private StoreOutcome outcome(Duration time, boolean finished, List<CallerCount> callers) {
        return new StoreOutcome(name, plan, time, finished, waitingFor, callers, allOrders.size(), shipped.size(),
                importFound, importedWhenShipped, acknowledgedWhenShipped);
    }

    /** A manual import of the last week, from midnight seven days ago in the store's zone. */
    private String requestImport(OrderDesk.Store store) {
        String imports = demo.orderDesk().integrationPath(store) + "/imports";
        String since = LocalDate.now(STORE_ZONE).minusDays(WEEK_DAYS).toString();
        JsonNode queued = demo.orderDesk().settings(store).post(imports, Map.of("since", since))
                .expect(202, "manual import of the last week");
        return imports + "/" + queued.path("import_id").asText();
    }

    /**
     * One look, cheapest first: shipments added (as orders are acknowledged), the import finished, every order in
     * Order Desk, Cart.com's write counts by caller high enough, and only then each order not yet final read at the
     * sandbox.
     */
    private boolean endState(DemoStore.Setup store, String importPath) {
        if (shipped.size() < sizes.shipments()) {
            shipAcknowledged(store);
            waitingFor = "shipments added (" + shipped.size() + " of " + sizes.shipments() + ")";
            return false;
        }
        JsonNode progress = demo.orderDesk().settings(store.store()).get(importPath).expect(200, "manual import");
        importFound = progress.path("orders_found").asLong();
        if (!progress.path("status").asText().equals("completed")) {
            waitingFor = "the manual import (" + progress.path("status").asText() + ", " + importFound + " found)";
            return false;
        }
        int imported = importedCount(store.store());
        if (imported != allOrders.size()) {
            waitingFor = imported + " of " + allOrders.size() + " orders in Order Desk";
            return false;
        }
        if (!writesDone()) {
            return false;
        }
        return allFinal(store.settings());
    }

    /**
     * Ships, in Order Desk, backlog orders that Cart.com shows acknowledged, as they are, up to the shipments asked
     * for: as a merchant ships what came in while the rest is still being acknowledged (the outcome shows how far the
     * acknowledgements had got when the last shipment was added).
     */
    private void shipAcknowledged(DemoStore.Setup store) {
        // The store's call counts are cheap to read; its call log and orders only when the importer wrote since.
        long importerWrites = answered(demo.sandbox().callers(cart.domain()), "order-importer");
        if (importerWrites == importerWritesSeen) {
            return;
        }
        importerWritesSeen = importerWrites;
        Set<Long> acknowledged = acknowledgedSoFar();
        if (acknowledged.isEmpty()) {
            return;
        }
        JsonNode page = demo.orderDesk().importer(store.store())
                .get("/api/v1/stores/" + store.store().id() + "/orders?limit=500").expect(200, "orders");
        for (JsonNode order : page.path("orders")) {
            long cartOrderId = cartOrderId(order);
            if (shipped.size() < sizes.shipments() && backlog.contains(cartOrderId) && acknowledged.contains(cartOrderId)
                    && !shipped.contains(cartOrderId)) {
                demo.orderDesk().addShipment(store.store(), order.path("id").asLong(), "1ZBUDGET" + cartOrderId, "UPS",
                        "Ground");
                shipped.add(cartOrderId);
                importedWhenShipped = page.path("total").asInt();
                acknowledgedWhenShipped = acknowledged.size();
            }
        }
    }

    /** The orders whose after-import status Cart.com has taken, read from the store's call log (one read). */
    private Set<Long> acknowledgedSoFar() {
        Set<Long> acknowledged = new HashSet<>();
        for (JsonNode call : demo.sandbox().calls(cart.domain())) {
            Matcher statusPut = STATUS_PUT.matcher(call.path("path").asText());
            if (call.path("method").asText().equals("PUT") && call.path("status").asInt() == 200 && statusPut.find()
                    && StoreOutcome.service(call.path("caller").asText(null)).equals("order-importer")) {
                acknowledged.add(Long.parseLong(statusPut.group(1)));
            }
        }
        return acknowledged;
    }

    /**
     * Whether the importer and shipment-sync have written enough at Cart.com for the end state to be possible: at least
     * one call for each order not shipped (its acknowledgement), two for each shipment (the shipment, its status). Only
     * a gate before reading every order at the sandbox, which is the proof.
     */
    private boolean writesDone() {
        List<CallerCount> callers = demo.sandbox().callers(cart.domain());
        long importer = answered(callers, "order-importer");
        long shipmentSync = answered(callers, "shipment-sync");
        long acknowledgements = allOrders.size() - shipped.size();
        waitingFor = "writes at Cart.com: " + importer + " of " + acknowledgements + " acknowledgements, " + shipmentSync
                + " of " + 2 * shipped.size() + " shipment calls";
        return importer >= acknowledgements && shipmentSync >= 2L * shipped.size();
    }

    /** The calls of one service that Cart.com answered other than 429. */
    private static long answered(List<CallerCount> callers, String service) {
        return callers.stream().filter(caller -> StoreOutcome.service(caller.caller()).equals(service))
                .mapToLong(caller -> caller.calls() - caller.rateLimited() - caller.faults429()).sum();
    }

    /** Every order at Cart.com in its final status: after-shipment with one shipment if shipped, else after-import. */
    private boolean allFinal(OrderDesk.Settings settings) {
        for (long cartOrderId : allOrders) {
            if (settled.contains(cartOrderId)) {
                continue;
            }
            JsonNode order = demo.sandbox().order(cart.domain(), cartOrderId);
            boolean ships = shipped.contains(cartOrderId);
            long status = ships ? settings.afterShipmentStatusId() : settings.afterImportStatusId();
            if (order.path("order_status_id").asLong() != status || order.path("shipments").size() != (ships ? 1 : 0)) {
                waitingFor = "order " + cartOrderId + " at Cart.com in status " + order.path("order_status_id").asLong()
                        + " with " + order.path("shipments").size() + " shipments (" + (allOrders.size() - settled.size())
                        + " orders not final)";
                return false;
            }
            settled.add(cartOrderId);
        }
        return true;
    }

    private int importedCount(OrderDesk.Store store) {
        return demo.orderDesk().importer(store).get("/api/v1/stores/" + store.id() + "/orders?limit=1")
                .expect(200, "orders").path("total").asInt();
    }

    /** After the clock: each Cart.com order is in Order Desk exactly once. */
    private void checkImportedOnce(OrderDesk.Store store) {
        List<Long> seen = new ArrayList<>();
        JsonNode page;
        do {
            page = demo.orderDesk().importer(store).get("/api/v1/stores/" + store.id() + "/orders?limit=500&offset="
                    + seen.size()).expect(200, "orders");
            page.path("orders").forEach(order -> seen.add(cartOrderId(order)));
        } while (!page.path("orders").isEmpty() && seen.size() < page.path("total").asInt());
        if (seen.size() != allOrders.size() || !new HashSet<>(seen).equals(new HashSet<>(allOrders))) {
            throw new AssertionError(name + ": Order Desk holds " + seen.size() + " orders for the " + allOrders.size()
                    + " at Cart.com, " + new HashSet<>(seen).size() + " distinct");
        }
    }

    private static long cartOrderId(JsonNode order) {
        return order.path("order_metadata").path("cartcom_order_id").asLong();
    }

    private static void pause() {
        try {
            Thread.sleep(LOOK_EVERY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A generous bound for one store: three times the floor of the calls its work takes at the least, plus 3 minutes. */
    Duration timeout() {
        long leastCalls = sizes.orders() + 2L * sizes.shipments() + 30;
        return plan.floor(leastCalls).multipliedBy(3).plusMinutes(3);
    }

    /** The store's Cart.com call log as the sandbox keeps it (every call since the store was created). */
    JsonNode calls() {
        return demo.sandbox().calls(cart.domain());
    }

    /**
     * The store's calls per 10-second window from its clock's start, by service (poller/importer/shipment-sync/
     * settings): "0:4/0/0/2 10:9/1/0/0 ...": where a run lost time to its floor (windows not full) and to whom.
     */
    String timeline(JsonNode calls) {
        TreeMap<Long, int[]> windows = new TreeMap<>();
        List<String> services = List.of("order-poller", "order-importer", "shipment-sync", "settings-service");
        for (JsonNode call : calls) {
            Instant at = Instant.parse(call.path("at").asText());
            long window = Math.max(0, Duration.between(clockStarted, at).toSeconds() / CallPlan.WINDOW.toSeconds());
            int service = services.indexOf(StoreOutcome.service(call.path("caller").asText(null)));
            if (service >= 0) {
                windows.computeIfAbsent(window, w -> new int[services.size()])[service]++;
            }
        }
        StringBuilder shown = new StringBuilder();
        windows.forEach((window, counts) -> shown.append(window * CallPlan.WINDOW.toSeconds()).append(':')
                .append(counts[0]).append('/').append(counts[1]).append('/').append(counts[2]).append('/')
                .append(counts[3]).append(' '));
        return shown.toString().trim();
    }

    /** The store's call log written to {@code dir} (with -Dbench.callLogs=DIR), for a closer look by hand. */
    void keepCallLog(JsonNode calls, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name.replace(' ', '-') + ".json"),
                    "{\"clock\":\"" + clockStarted + "\",\"calls\":" + calls + "}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CallPlan plan() {
        return plan;
    }
}
