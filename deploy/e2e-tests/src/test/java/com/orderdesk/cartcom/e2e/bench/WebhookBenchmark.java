package com.orderdesk.cartcom.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.devstack.SandboxControl;
import com.orderdesk.cartcom.launcher.DemoStore;
import com.orderdesk.cartcom.launcher.LocalSystem;
import com.orderdesk.cartcom.launcher.Waits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's benchmarks over the packaged services, the devstack and the sandbox (which calls the poller's receiver as
 * Cart.com would): the receiver's answer time under load, and an order placed at Cart.com to its row in Order Desk with
 * webhooks on at an hour's interval, with 30% of webhooks dropped at a 5-minute safety interval, and in a burst; the
 * Cart.com calls per order beside interval polling's. Not part of `mvn verify`; docs/testing.md has the command, and
 * docs/benchmarks.md the last figures (this class writes its own section) with their reading. Fails naming what it
 * missed. Sizes: -Dbench.receiverRate (200/s), -Dbench.receiverSeconds (20), -Dbench.steadyOrders (60),
 * -Dbench.steadySeconds (120), -Dbench.burstOrders (150), -Dbench.burstSeconds (10).
 */
class WebhookBenchmark {
    private static final String OWNER = "WebhookBenchmark";
    /** Cart.com calls a page of 100 new orders costs at the least: the list, its addresses, its customers. */
    private static final int CALLS_PER_PAGE = 3;

    private final BenchmarkReport report = new BenchmarkReport(OWNER);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void run() throws Exception {
        int receiverRate = Integer.getInteger("bench.receiverRate", 200);
        int receiverSeconds = Integer.getInteger("bench.receiverSeconds", 20);
        int steadyOrders = Integer.getInteger("bench.steadyOrders", 60);
        int steadySeconds = Integer.getInteger("bench.steadySeconds", 120);
        int burstOrders = Integer.getInteger("bench.burstOrders", 150);
        int burstSeconds = Integer.getInteger("bench.burstSeconds", 10);
        Path repoRoot = Path.of("../..").toAbsolutePath().normalize();
        // No interval override: each store on the interval its settings chose.
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Options(repoRoot,
                Files.createTempDirectory("cartcom-webhook-bench-"), true, "bench-admin-token", null))) {
            DemoStore demo = new DemoStore(system);
            receiver(demo, receiverRate, receiverSeconds);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Measured> hourly = pool.submit(() -> orders(demo, "hourly", Map.of("plan", "gold"), 60, Map.of(),
                        steadyOrders, Duration.ofSeconds(steadySeconds)));
                Future<Measured> dropping = pool.submit(() -> orders(demo, "dropping", Map.of("plan", "gold"), 5,
                        Map.of("drop_rate", 0.3, "seed", 18), steadyOrders, Duration.ofSeconds(steadySeconds)));
                judge("webhooks on, 1-hour interval", hourly.get(), steadyOrders, steadySeconds, true, false);
                judge("30% of webhooks dropped, 5-minute interval", dropping.get(), steadyOrders, steadySeconds, false,
                        false);
            } finally {
                pool.shutdownNow();
            }
            // A larger plan: the burst's acknowledgements alone would fill Gold's window.
            Measured burst = orders(demo, "burst", Map.of("rate_limit", 500), 60, Map.of(), burstOrders,
                    Duration.ofSeconds(burstSeconds));
            judge("a burst, webhooks on, 1-hour interval", burst, burstOrders, burstSeconds, true, true);
        }
        String settings = "one instance of each service; receiver: " + receiverRate + " webhooks/s for " + receiverSeconds
                + " s; steady: " + steadyOrders + " orders over " + steadySeconds + " s at each of two Gold stores side by side;"
                + " burst: " + burstOrders + " orders over " + burstSeconds + " s at a store allowed 500 calls / 10 s";
        report.publish(repoRoot, settings, true);
    }

    /**
     * The receiver answering a store's webhooks at {@code rate} a second (open loop: sent on time, whatever came back),
     * after a warm-up of a quarter of the run at the same rate (a service that has run a while has compiled its path).
     */
    private void receiver(DemoStore demo, int rate, int seconds) throws Exception {
        DemoStore.Setup store = demo.connectStore("Receiver store", demo.sandbox().createStore(Map.of("plan", "gold")), 0, 60);
        String url = subscriptionUrl(demo, store);
        fire(url, rate, Math.max(1, seconds / 4), Collections.synchronizedList(new ArrayList<>()), new AtomicInteger());
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger notAnswered = new AtomicInteger();
        fire(url, rate, seconds, micros, notAnswered);
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        double p99 = BenchmarkReport.percentile(sorted, 99) / 1000.0;
        report.add("receiver: POST /webhooks/cartcom/{secret}, p50 / p99 / max", String.format(Locale.ROOT,
                        "%.1f / %.1f / %.1f ms; %d of %d not 204", BenchmarkReport.percentile(sorted, 50) / 1000.0, p99,
                        sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0, notAnswered.get(), rate * seconds),
                rate + " requests/s for " + seconds + " s after " + Math.max(1, seconds / 4) + " s of warm-up, from the same machine",
                "p99 < 50 ms, all 204", p99 < 50 && notAnswered.get() == 0);
    }

    /** Posts webhooks to {@code url} at {@code rate} a second for {@code seconds}; answer times in microseconds. */
    private void fire(String url, int rate, int seconds, List<Long> micros, AtomicInteger notAnswered) throws Exception {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        String body = "{\"order\": {\"id\": 1, \"order_status_id\": 1}}";
        long start = System.nanoTime();
        long every = 1_000_000_000L / rate;
        for (long i = 0; i < (long) rate * seconds; i++) {
            long due = start + i * every;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long began = System.nanoTime();
            sent.add(http.sendAsync(post(url, body), HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
                if (failure == null && answer.statusCode() == 204) {
                    micros.add((System.nanoTime() - began) / 1000);
                } else {
                    notAnswered.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).handle((v, e) -> null).get(60, TimeUnit.SECONDS);
    }

    private record Measured(List<Long> latenciesMillis, long calls, long orders, long subscriptionCalls) {
    }

    /**
     * {@code orders} orders placed at a new store over {@code spread}, evenly; each one's time from being placed to
     * its row in Order Desk (the importer's order list, read every 100 ms); the store's Cart.com calls after connecting.
     */
    private Measured orders(DemoStore demo, String name, Map<String, Object> plan, int intervalMinutes,
                            Map<String, Object> webhookFaults, int orders, Duration spread) throws Exception {
        SandboxControl.SandboxStore cart = demo.sandbox().createStore(plan);
        DemoStore.Setup store = demo.connectStore("Webhook " + name + " store", cart, 0, intervalMinutes);
        subscriptionUrl(demo, store);
        if (!webhookFaults.isEmpty()) {
            demo.sandbox().setWebhookFaults(cart.domain(), webhookFaults);
        }
        long callsBefore = demo.sandbox().calls(cart.domain()).size();
        Map<String, Instant> placed = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Set<String> seen = new HashSet<>();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    for (JsonNode order : importedPage(demo, store)) {
                        String sourceId = order.path("source_id").asText();
                        Instant at = placed.get(sourceId);
                        if (at != null && seen.add(sourceId)) {
                            latencies.add(Duration.between(at, Instant.now()).toMillis());
                        }
                    }
                } catch (RuntimeException e) {
                    // One failed read (the JDK client's HTTP/2 upgrade has been seen to trip) only delays the sample.
                    System.out.println("[bench] reading " + name + " orders failed, reading again: " + e.getMessage());
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "latency-sampler-" + name);
        sampler.start();
        try {
            long gap = spread.toMillis() / orders;
            long start = System.currentTimeMillis();
            for (int i = 0; i < orders; i++) {
                long wait = start + i * gap - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                Instant at = Instant.now();
                long id = demo.sandbox().seedOrders(cart.domain(), 1, store.settings().downloadStatusId()).get(0);
                placed.put(DemoStore.ORDER_PREFIX + id, at);
            }
            // A dropped webhook's order waits for the next one's poll, or for the store's interval at the latest.
            Waits.until("every " + name + " order imported", Duration.ofMinutes(intervalMinutes).plusMinutes(2),
                    () -> latencies.size() >= orders ? Optional.of(true) : Optional.empty());
            // Acknowledged too, so that every status update is among the calls counted.
            Waits.until("every " + name + " order acknowledged", Duration.ofMinutes(2),
                    () -> acknowledged(demo, store, placed.size()));
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        long subscriptionCalls = 0;
        long calls = 0;
        List<JsonNode> log = new ArrayList<>();
        demo.sandbox().calls(cart.domain()).forEach(log::add);
        for (JsonNode call : log.subList((int) Math.min(callsBefore, log.size()), log.size())) {
            if (call.path("path").asText().contains("/webhooks")) {
                subscriptionCalls++;
            } else {
                calls++;
            }
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Measured(sorted, calls, orders, subscriptionCalls);
    }

    /**
     * {@code callsJudged}: whether the extra calls are held to the 0.05 target at this run's order rate. Only the burst
     * is: with p99 under 5 s a webhook's poll comes within a few seconds, so an order costs a poll's list and two
     * select_many calls unless at least ~40 orders share that poll, about 11 orders a second or more; at a trickle
     * the figure is shown (docs/benchmarks.md, the reading).
     */
    private void judge(String run, Measured measured, int orders, int seconds, boolean latencyTarget, boolean callsJudged) {
        long p50 = BenchmarkReport.percentile(measured.latenciesMillis(), 50);
        long p99 = BenchmarkReport.percentile(measured.latenciesMillis(), 99);
        report.add("order at Cart.com -> row in Order Desk, " + run + ", p50 / p99 / max",
                p50 + " / " + p99 + " / " + measured.latenciesMillis().get(measured.latenciesMillis().size() - 1) + " ms",
                orders + " orders over " + seconds + " s", latencyTarget ? "p99 < 5000 ms" : "p99 within the interval",
                latencyTarget ? p99 < 5000 : p99 < Duration.ofMinutes(5).toMillis());
        long floor = orders + (long) CALLS_PER_PAGE * ((orders + 99) / 100);
        double extra = (double) (measured.calls() - floor) / orders;
        String name = "Cart.com calls per order beyond interval polling's, " + run;
        String figure = String.format(Locale.ROOT, "%.3f (%d calls for %d orders, %d of them on subscriptions)", extra,
                measured.calls(), orders, measured.subscriptionCalls());
        String floorText = String.format(Locale.ROOT, "interval polling's floor %.3f an order (a status update each, 3 calls"
                + " a page)", (double) floor / orders);
        if (callsJudged) {
            report.add(name, figure, floorText, "<= 0.05", extra <= 0.05);
        } else {
            report.show(name, figure, floorText, "shown: at this trickle each order is a poll of its own (reading below)");
        }
    }

    private static JsonNode importedPage(DemoStore demo, DemoStore.Setup store) {
        return demo.orderDesk().importer(store.store()).get("/api/v1/stores/" + store.store().id() + "/orders?limit=500")
                .expect(200, "orders").path("orders");
    }

    /** Every placed order in the after-import status at Cart.com (so its acknowledgement is among the calls counted). */
    private static Optional<JsonNode> acknowledged(DemoStore demo, DemoStore.Setup store, int placed) {
        JsonNode calls = demo.sandbox().calls(store.cart().domain());
        long puts = 0;
        for (JsonNode call : calls) {
            if (call.path("method").asText().equals("PUT") && call.path("path").asText().endsWith("/status")
                    && call.path("status").asInt() == 200) {
                puts++;
            }
        }
        return puts >= placed ? Optional.of(calls) : Optional.empty();
    }

    private static String subscriptionUrl(DemoStore demo, DemoStore.Setup store) {
        return Waits.until("the store subscribed to webhooks", Duration.ofMinutes(1), () -> {
            JsonNode subscriptions = demo.sandbox().webhooks(store.cart().domain()).path("subscriptions");
            return subscriptions.size() == 2 ? Optional.of(subscriptions.get(0).path("url").asText()) : Optional.empty();
        });
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
