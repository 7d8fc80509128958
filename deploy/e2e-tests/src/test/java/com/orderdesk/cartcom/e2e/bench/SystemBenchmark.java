package com.orderdesk.cartcom.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.devstack.SandboxControl;
import com.orderdesk.cartcom.devstack.ServiceProcess;
import com.orderdesk.cartcom.launcher.DemoStore;
import com.orderdesk.cartcom.launcher.LocalSystem;
import com.orderdesk.cartcom.launcher.Service;
import com.orderdesk.cartcom.launcher.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 7's system benchmarks over the packaged services, the devstack and the sandbox: Cart.com calls per
 * imported order, backlog drain time at the Silver limit, order latency at a 1-minute interval, and each
 * service's resident memory and start-up time. Not part of `mvn verify`; see docs/testing.md for the command.
 * Sizes: -Dbench.drainOrders (default 2000), -Dbench.latencyOrders (default 40), -Dbench.latencyMinutes (3).
 */
class SystemBenchmark {
    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final int SILVER_CALLS_PER_WINDOW = 20;
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final int STARTS = 3;

    private final BenchmarkReport report = new BenchmarkReport();

    @Test
    void run() throws Exception {
        int drainOrders = Integer.getInteger("bench.drainOrders", 2000);
        int latencyOrders = Integer.getInteger("bench.latencyOrders", 40);
        int latencyMinutes = Integer.getInteger("bench.latencyMinutes", 3);
        Path repoRoot = Path.of("../..").toAbsolutePath().normalize();
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Options(repoRoot,
                Files.createTempDirectory("cartcom-bench-"), true, "bench-admin-token", INTERVAL))) {
            DemoStore demo = new DemoStore(system);
            latency(demo, latencyOrders, Duration.ofMinutes(latencyMinutes));
            callsPerOrder(demo, drainOrders);
            drain(demo, drainOrders);
            footprint(system);
        }
        String settings = "backlogs of " + drainOrders + " orders at Gold and at Silver, latency " + latencyOrders + " orders over "
                + latencyMinutes + " min at a " + INTERVAL.toMinutes() + "-minute interval, one instance of each service";
        System.out.println(report.markdown(settings));
        report.write(repoRoot.resolve("docs/benchmarks.md"), settings);
    }

    /** Benchmark 4: from an order appearing at Cart.com to its row in Order Desk, sampled every 100 ms. */
    private void latency(DemoStore demo, int orders, Duration spread) throws InterruptedException {
        DemoStore.Setup store = demo.connectStore("Latency store", demo.sandbox().createStore("gold"), 0);
        Map<Long, Instant> pending = new ConcurrentHashMap<>();
        List<Long> latenciesMillis = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> pending.forEach((cartOrderId, created) -> {
            if (demo.orderDesk().orderBySourceId(store.store(), DemoStore.ORDER_PREFIX + cartOrderId).isPresent()
                    && pending.remove(cartOrderId) != null) {
                latenciesMillis.add(Duration.between(created, Instant.now()).toMillis());
            }
        }), 100, 100, TimeUnit.MILLISECONDS);
        try {
            Random random = new Random(3);
            long gap = spread.toMillis() / orders;
            for (int i = 0; i < orders; i++) {
                sleep(random.nextLong(gap / 2, gap + 1));
                Instant created = Instant.now();
                pending.put(demo.sandbox().seedOrders(store.cart().domain(), 1, store.settings().downloadStatusId())
                        .get(0), created);
            }
            Waits.until("every latency order imported", INTERVAL.multipliedBy(3),
                    () -> pending.isEmpty() ? Optional.of(true) : Optional.empty());
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }
        List<Long> sorted = new ArrayList<>(latenciesMillis);
        Collections.sort(sorted);
        long p50 = percentile(sorted, 50);
        long p99 = percentile(sorted, 99);
        long target = INTERVAL.toMillis() + 2000;
        report.add("4. order at Cart.com -> row in Order Desk, p50 / p99", p50 + " ms / " + p99 + " ms",
                "interval " + INTERVAL.toSeconds() + " s", "p99 < " + target + " ms", p99 < target);
    }

    /**
     * Benchmark 1: a backlog at one store on the Gold plan, imported and acknowledged. Every call in the store's log
     * counts except the status lookups of the connection check (setup, not downloading or acknowledging).
     */
    private void callsPerOrder(DemoStore demo, int orders) {
        SandboxControl.SandboxStore cart = demo.sandbox().createStore(Map.of("plan", "gold"));
        DemoStore.Setup store = demo.connectStore("Calls store", cart, orders);
        awaitAcknowledged(demo, store, Duration.ofSeconds(5L * orders));
        long calls = integrationCalls(demo, cart);
        long pages = pages(orders);
        double perOrder = (double) calls / orders;
        report.add("1. Cart.com calls per imported order (download + acknowledgement), " + orders + " orders",
                String.format("%.3f (%d calls)", perOrder, calls),
                String.format("floor %.3f; per-order address lookups %.3f", (double) (orders + pages) / orders,
                        (double) (pages + 3L * orders) / orders),
                "<= 1.05", perOrder <= 1.05);
    }

    /** Benchmark 2: the same backlog at one store on the Silver plan; its calls per order beside it. */
    private void drain(DemoStore demo, int orders) {
        SandboxControl.SandboxStore cart = demo.sandbox().createStore(Map.of("plan", "silver"));
        Instant start = Instant.now();
        DemoStore.Setup store = demo.connectStore("Drain store", cart, orders);
        awaitAcknowledged(demo, store, Duration.ofSeconds(30L * orders));
        Duration drained = Duration.between(start, Instant.now());
        long calls = integrationCalls(demo, cart);
        long pages = pages(orders);
        long minimumCalls = orders + 3 * pages;
        Duration minimum = WINDOW.multipliedBy((minimumCalls + SILVER_CALLS_PER_WINDOW - 1) / SILVER_CALLS_PER_WINDOW - 1);
        double ratio = (double) drained.toMillis() / Math.max(1, minimum.toMillis());
        report.add("2. drain " + orders + " orders at Silver (20 calls / 10 s)",
                String.format("%d s (%.1f%% over; %.3f calls per order, 429s included)", drained.toSeconds(),
                        (ratio - 1) * 100, (double) calls / orders),
                "minimum the limit allows " + minimum.toSeconds() + " s", "within 10%", ratio <= 1.10);
    }

    private static void awaitAcknowledged(DemoStore demo, DemoStore.Setup store, Duration timeout) {
        for (long cartOrderId : store.cartOrderIds()) {
            demo.awaitCartStatus(store, cartOrderId, store.settings().afterImportStatusId(), timeout);
        }
    }

    private static long integrationCalls(DemoStore demo, SandboxControl.SandboxStore cart) {
        long calls = 0;
        for (JsonNode call : demo.sandbox().calls(cart.domain())) {
            if (!call.path("path").asText().contains("/order_statuses")) {
                calls++;
            }
        }
        return calls;
    }

    private static long pages(int orders) {
        return (orders + 99) / 100;
    }

    /**
     * Benchmark 5: resident memory after the runs, and start-up time of each service: the median of three starts, since
     * one start on a shared 2-core machine varies by a second.
     */
    private void footprint(LocalSystem system) {
        for (Service service : Service.values()) {
            ServiceProcess process = system.process(service);
            long rssMb = rssMb(process);
            List<Long> starts = new ArrayList<>();
            for (int i = 0; i < STARTS; i++) {
                process.stop();
                long began = System.nanoTime();
                process.start();
                starts.add((System.nanoTime() - began) / 1_000_000);
            }
            Collections.sort(starts);
            long median = starts.get(STARTS / 2);
            report.add("5. " + service.module() + " resident memory / start-up",
                    String.format("%d MB / %d ms (starts %s ms)", rssMb, median, starts),
                    "JVM mode, " + String.join(" ", ServiceProcess.SERVICE_JVM_ARGS) + ", trained class archive; start = launch until"
                            + " /q/health/ready answers UP, the others running", "< 300 MB / < 5000 ms",
                    rssMb < 300 && median < 5000);
        }
    }

    private static long rssMb(ServiceProcess process) {
        long pid = process.processHandle().orElseThrow().pid();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the memory of " + process.name(), e);
        }
        throw new IllegalStateException("no VmRSS for " + process.name());
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
