package com.orderdesk.cartcom.kit.cartcom.bench;

import com.orderdesk.cartcom.kit.cartcom.CartcomClient;
import com.orderdesk.cartcom.kit.cartcom.CartcomEndpoints;
import com.orderdesk.cartcom.kit.cartcom.CartcomStoreApi;
import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Today's JDK client beside the Quarkus REST client prototype, over real sockets to a local JDK HTTP server:
 * heap, threads and connections held per store for 1,000 and 5,000 stores (each store on its own loopback address,
 * 127.0.x.y, as each Cart.com store is its own host), and CPU and latency per call for a page of 100 orders and a
 * status PUT. Each figure is measured 3 times; min / median / max are printed. Not part of the build (tag bench):
 * <pre>mvn -B -o -pl service-kit -am test -Pbench -Dtest=CartcomClientBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@QuarkusTest
@Tag("bench")
class CartcomClientBenchmark {
    static {
        // The JDK server would otherwise close all but 200 idle keep-alive connections, and those idle for 30 s:
        // the clients' connections must stay as the clients keep them. Read once, when the first server starts.
        System.setProperty("sun.net.httpserver.maxIdleConnections", "50000");
        System.setProperty("sun.net.httpserver.idleInterval", "3600");
        // Without it the server's small answers wait out the client's delayed ACK (40 ms per PUT, either client).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final int RUNS = 3;
    private static final int[] STORE_COUNTS = {1_000, 5_000};
    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final CartcomEndpoints ENDPOINTS = new CartcomEndpoints("http://{domain}/api/v1", true);
    private static final byte[] STATUSES =
            "{\"total_count\":1,\"order_statuses\":[{\"id\":1,\"name\":\"Pending\",\"is_open\":true}]}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ORDER = order(1).getBytes(StandardCharsets.UTF_8);
    private static final byte[] PAGE = page().getBytes(StandardCharsets.UTF_8);

    private final Map<String, List<Double>> figures = new LinkedHashMap<>();

    /** One store's handle, whichever client opened it. */
    interface Store {
        void statuses();

        void orders();

        void setStatus();
    }

    private static Store jdk(CartcomStoreApi api) {
        return new Store() {
            public void statuses() { api.orderStatuses(); }
            public void orders() { api.listOrders(Map.of("count", "100")); }
            public void setStatus() { api.setOrderStatus(1, 2); }
        };
    }

    private static Store rest(RestCartcomStoreApi api) {
        return new Store() {
            public void statuses() { api.orderStatuses(); }
            public void orders() { api.listOrders(Map.of("count", "100")); }
            public void setStatus() { api.setOrderStatus(1, 2); }
        };
    }

    @Test
    void measure() throws Exception {
        System.out.printf("page of 100 orders: %d bytes; PUT answer: %d bytes; %d CPUs; max heap %d MB%n", PAGE.length,
                ORDER.length, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        for (int run = 1; run <= RUNS; run++) {
            System.out.println("run " + run);
            for (int stores : STORE_COUNTS) {
                CartcomClient[] jdk = new CartcomClient[1];
                perStore("jdk ", stores, () -> jdk[0] = new CartcomClient(ENDPOINTS, CONNECT, TIMEOUT),
                        domain -> jdk(jdk[0].store(domain, "token")), () -> jdk[0] = null);
                RestStoreApis[] rest = new RestStoreApis[1];
                perStore("rest", stores, () -> rest[0] = new RestStoreApis(ENDPOINTS, CONNECT, TIMEOUT, stores, Duration.ofHours(1)),
                        domain -> rest(rest[0].store(domain, "token")), () -> rest[0].close());
            }
            CartcomClient jdk = new CartcomClient(ENDPOINTS, CONNECT, TIMEOUT);
            perCall("jdk ", domain -> jdk(jdk.store(domain, "token")), () -> { });
            RestStoreApis rest = new RestStoreApis(ENDPOINTS, CONNECT, TIMEOUT, 10, Duration.ofHours(1));
            perCall("rest", domain -> rest(rest.store(domain, "token")), rest::close);
        }
        System.out.println();
        System.out.printf("%-58s %10s %10s %10s%n", "figure (" + RUNS + " runs)", "min", "median", "max");
        figures.forEach((name, values) -> {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("%-58s %10.2f %10.2f %10.2f%n", name, sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1]);
        });
    }

    /** Opens {@code stores} handles, then makes one small call on each, as one poll round over them does. */
    private void perStore(String kind, int stores, Runnable createClient, Function<String, Store> open, Runnable close)
            throws Exception {
        // The previous phase's JDK client (no close() in JDK 17) lets go of its selector thread and dead connections
        // only some seconds after it becomes unreachable; measured before that, it would be counted against this one.
        Usage.now(0);
        Thread.sleep(5000);
        try (Server server = new Server()) {
            Usage before = Usage.now(server.port);
            long started = System.nanoTime();
            createClient.run();
            List<Store> handles = new ArrayList<>(stores);
            for (int i = 0; i < stores; i++) {
                handles.add(open.apply(host(i) + ":" + server.port));
            }
            double openMs = (System.nanoTime() - started) / 1e6;
            Usage opened = Usage.now(server.port);
            started = System.nanoTime();
            handles.forEach(Store::statuses);
            double callMs = (System.nanoTime() - started) / 1e6;
            Usage called = Usage.now(server.port);
            String prefix = kind + " " + stores + " stores: ";
            record(prefix + "KB heap per store, opened", (opened.heap - before.heap) / 1024.0 / stores);
            record(prefix + "KB heap per store, after a call each", (called.heap - before.heap) / 1024.0 / stores);
            record(prefix + "threads added", called.threads - before.threads);
            record(prefix + "connections held", called.connections - before.connections);
            record(prefix + "ms to open all", openMs);
            record(prefix + "ms for the first call on each", callMs);
            Reference.reachabilityFence(handles);
            close.run();
        }
    }

    /** Latency and process CPU (client and server; the server's share is the same for both clients) per call. */
    private void perCall(String kind, Function<String, Store> open, Runnable close) throws Exception {
        try (Server server = new Server()) {
            Store store = open.apply(host(0) + ":" + server.port);
            calls(kind + " GET page of 100 orders", 30, 100, store::orders);
            calls(kind + " PUT status", 300, 1000, store::setStatus);
            close.run();
        }
    }

    private void calls(String name, int warmup, int count, Runnable call) {
        for (int i = 0; i < warmup; i++) {
            call.run();
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] latencies = new long[count];
        long cpu = os.getProcessCpuTime();
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            call.run();
            latencies[i] = System.nanoTime() - started;
        }
        cpu = os.getProcessCpuTime() - cpu;
        Arrays.sort(latencies);
        record(name + ": ms latency, median of " + count, latencies[count / 2] / 1e6);
        record(name + ": ms latency, p99", latencies[(int) (count * 0.99)] / 1e6);
        record(name + ": ms CPU per call", cpu / 1e6 / count);
    }

    private void record(String name, double value) {
        figures.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        System.out.printf("  %-58s %10.2f%n", name, value);
    }

    /** 127.0.x.y, a host of its own for each store (the whole 127/8 range is loopback). */
    private static String host(int store) {
        return "127.0." + (1 + store / 250) + "." + (1 + store % 250);
    }

    /** Heap after full collections, live threads, and client connections established to the server's port. */
    record Usage(long heap, int threads, int connections) {
        static Usage now(int port) throws Exception {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(200);
            }
            return new Usage(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                    ManagementFactory.getThreadMXBean().getThreadCount(), connections(port));
        }

        private static int connections(int port) throws IOException {
            String remote = String.format(":%04X", port);
            int count = 0;
            for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                for (String line : Files.readAllLines(Path.of(file))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 3 && f[2].endsWith(remote) && f[3].equals("01")) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    /** Answers as Cart.com does, from prepared bodies; stopping it closes every connection the clients hold. */
    static final class Server implements AutoCloseable {
        final HttpServer http;
        final ExecutorService executor = Executors.newFixedThreadPool(4);
        final int port;

        Server() throws IOException {
            http = HttpServer.create(new InetSocketAddress(0), 1024);
            http.setExecutor(executor);
            http.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                String path = exchange.getRequestURI().getPath();
                byte[] body = exchange.getRequestMethod().equals("PUT") ? ORDER
                        : path.endsWith("/order_statuses") ? STATUSES : PAGE;
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("X-AC-Call-Limit", "1/50");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            http.start();
            port = http.getAddress().getPort();
        }

        @Override
        public void close() {
            http.stop(0);
            executor.shutdownNow();
        }
    }

    private static String page() {
        StringBuilder json = new StringBuilder("{\"total_count\":5000,\"next_page\":\"http://127.0.1.1/api/v1/orders?page=2\",\"orders\":[");
        for (int i = 1; i <= 100; i++) {
            json.append(i == 1 ? "" : ",").append(order(i));
        }
        return json.append("]}").toString();
    }

    /** An order as a poll expands it (items, payments, shipments, custom fields): about 7 KB, so a page of 100 is about 700 KB. */
    private static String order(int id) {
        StringBuilder json = new StringBuilder("{\"id\":" + id + ",\"order_number\":\"\",\"customer_id\":" + (1000 + id)
                + ",\"order_status_id\":1,\"ordered_at\":\"2026-11-27T10:15:30.123-06:00\",\"updated_at\":\"2026-11-27T10:16:00-06:00\""
                + ",\"order_shipping_address_id\":" + (5000 + id) + ",\"order_billing_address_id\":" + (6000 + id)
                + ",\"subtotal\":129.9500,\"tax_total\":10.7200,\"shipping_total\":7.9900,\"grand_total\":148.6600"
                + ",\"customer_comments\":\"Please leave the parcel at the side door, thank you\",\"items\":[");
        for (int item = 1; item <= 14; item++) {
            json.append(item == 1 ? "" : ",").append("{\"id\":").append(id * 100 + item)
                    .append(",\"order_id\":").append(id).append(",\"product_id\":").append(700 + item)
                    .append(",\"item_number\":\"SKU-").append(700 + item).append("-BLUE-XL\",\"item_name\":\"Organic cotton t-shirt, blue, size XL\"")
                    .append(",\"quantity\":2,\"price\":14.4300,\"cost\":6.1000,\"weight\":0.4500,\"is_shipped\":false")
                    .append(",\"created_at\":\"2026-11-27T10:15:30-06:00\",\"updated_at\":\"2026-11-27T10:15:30-06:00\"")
                    .append(",\"variant_inventory_id\":null,\"discount_amount\":0.0000,\"item_type\":\"product\",\"notes\":\"\"")
                    .append(",\"custom_fields\":[{\"name\":\"engraving\",\"value\":\"none\"},{\"name\":\"gift\",\"value\":\"no\"}]}");
        }
        json.append("],\"payments\":[{\"id\":").append(9000 + id).append(",\"payment_type\":\"Credit Card\",\"amount\":148.6600,")
                .append("\"is_declined\":false,\"authorization_code\":\"AUTH123456\",\"transaction_id\":\"TX-0000123456789\",")
                .append("\"payment_method_id\":3,\"created_at\":\"2026-11-27T10:15:31-06:00\"}],\"shipments\":[],")
                .append("\"custom_fields\":[{\"name\":\"source\",\"value\":\"web\"},{\"name\":\"campaign\",\"value\":\"black-friday-2026\"}]}");
        return json.toString();
    }
}
