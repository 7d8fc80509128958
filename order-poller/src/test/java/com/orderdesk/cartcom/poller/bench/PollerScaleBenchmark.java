package com.orderdesk.cartcom.poller.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.devstack.FreePorts;
import com.orderdesk.cartcom.devstack.JsonHttp;
import com.orderdesk.cartcom.devstack.ServiceProcess;
import com.orderdesk.cartcom.devstack.SharedStack;
import com.orderdesk.cartcom.devstack.StackEndpoints;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.poller.support.KafkaTestSupport;
import com.orderdesk.cartcom.poller.support.PackagedPoller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * One packaged poller instance keeping 10,000 stores on a 5-minute interval against a sandbox answering every call in
 * 50 ms. Prints figures, asserts nothing about speed. Phases: the stores' first polls (warm-up), a burst (every store
 * due at once: the most polls per second the instance makes), then one full interval with the due times spread evenly
 * (33.3 polls/s needed) while new orders arrive. Lateness is measured from the sandbox's call log: when each store's
 * list call arrived against when the store was due. Not part of {@code mvn verify}:
 * {@code mvn -B -pl order-poller -am verify -Pbench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 * [-Dbench.stores=10000 -Dbench.workers=16 -Dbench.latencyMs=50 -Dbench.newOrders=300 -Dbench.interval=PT5M].
 */
@EnabledIfSystemProperty(named = "bench.run", matches = "true", disabledReason = "run on purpose with -Pbench")
class PollerScaleBenchmark {
    private static final int STORES = Integer.getInteger("bench.stores", 10_000);
    private static final int WORKERS = Integer.getInteger("bench.workers", 16);
    private static final int LATENCY_MS = Integer.getInteger("bench.latencyMs", 50);
    private static final int NEW_ORDERS = Integer.getInteger("bench.newOrders", 300);
    /** 2% of the stores have orders: 3 each before the start, and the new ones during the measured interval. */
    private static final int ORDER_STORE_EVERY = 50;
    private static final int SEEDED_ORDERS = 3;
    /** The snapshots' check_interval_minutes (KafkaTestSupport.snapshot: 5); -Dbench.interval=PT1M for a quick try. */
    private static final Duration INTERVAL = Duration.parse(System.getProperty("bench.interval", "PT5M"));
    private static final Path MODULE = Path.of("").toAbsolutePath();

    private StackEndpoints stack;
    private String database;
    private final int sandboxPort = FreePorts.find();
    private final int pollerPort = FreePorts.find();
    private final List<String> report = new ArrayList<>();

    @Test
    void tenThousandStoresOnAFiveMinuteInterval() throws Exception {
        stack = SharedStack.get(3);
        stack.createTopics(3);
        database = "poller_bench_" + UUID.randomUUID().toString().substring(0, 8);
        stack.createDatabase(database);
        try (ServiceProcess sandboxProcess = startSandbox()) {
            JsonHttp sandbox = new JsonHttp("http://127.0.0.1:" + sandboxPort, Map.of());
            long firstStoreId = ThreadLocalRandom.current().nextLong(100_000, 900_000) * 100_000;
            List<Store> stores = createStores(sandbox, firstStoreId);
            try (ServiceProcess poller = startPoller()) {
                String metricsUrl = "http://127.0.0.1:" + pollerPort + "/q/metrics";
                long pid = poller.processHandle().orElseThrow().pid();
                warmUp(stores);
                burst(pid);
                steadyInterval(sandbox, stores, metricsUrl, pid);
                footprint(metricsUrl, pid);
            }
        } finally {
            deleteCopiesOfApps();
        }
        System.out.printf("%n| poller scale benchmark: %d stores, interval %s, sandbox %d ms per call, %d workers, "
                + "%d cores | |%n|---|---|%n", STORES, INTERVAL, LATENCY_MS, WORKERS,
                Runtime.getRuntime().availableProcessors());
        report.forEach(System.out::println);
        System.out.println();
    }

    private record Store(long storeId, String domain, String token, boolean hasOrders) {
    }

    /** The sandbox as its own process with room for 10,000 stores (the shared test sandbox has a 256 MB heap). */
    private ServiceProcess startSandbox() throws IOException {
        return ServiceProcess.jar("cartcom-sandbox-bench", copyOfApp(MODULE.getParent().resolve("deploy/cartcom-sandbox")))
                .systemProperty("quarkus.http.port", Integer.toString(sandboxPort))
                .jvmArgs("-Xmx1g")
                .logFile(MODULE.resolve("target/bench-sandbox-" + database + ".log"))
                .startTimeout(Duration.ofSeconds(120)).start();
    }

    private ServiceProcess startPoller() throws IOException {
        ServiceProcess.Builder poller = PackagedPoller.configure(ServiceProcess.jar("order-poller-bench", copyOfApp(MODULE)),
                pollerPort, stack, database, "http://127.0.0.1:" + sandboxPort + "/{domain}/api/v1", "bench");
        poller.systemProperty("poller.workers", Integer.toString(WORKERS));
        if (!INTERVAL.equals(Duration.ofMinutes(5))) {
            poller.systemProperty("poller.interval-override", INTERVAL.toString());
        }
        return poller.logFile(MODULE.resolve("target/bench-poller-" + database + ".log"))
                .startTimeout(Duration.ofSeconds(120)).start();
    }

    /**
     * A copy of a module's packaged application to run from: other builds on the machine may package the module again
     * during the run, which would pull the jars from under a process started in target/quarkus-app.
     */
    private Path copyOfApp(Path module) throws IOException {
        Path source = module.resolve("target/quarkus-app");
        Path copy = MODULE.resolve("target/bench-apps/" + module.getFileName() + "-" + database);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy.resolve("quarkus-run.jar");
    }

    private void deleteCopiesOfApps() throws IOException {
        Path copies = MODULE.resolve("target/bench-apps");
        if (!Files.isDirectory(copies)) {
            return;
        }
        try (Stream<Path> files = Files.walk(copies)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                if (file.toString().contains(database)) {
                    Files.delete(file);
                }
            }
        }
    }

    /** 10,000 sandbox stores answering in 50 ms; every 50th with orders. */
    private List<Store> createStores(JsonHttp sandbox, long firstStoreId) throws Exception {
        long began = System.nanoTime();
        List<Store> stores = parallel(STORES, i -> {
            JsonNode created = sandbox.post("/_sandbox/stores", Map.of()).expect(201, "create store");
            String domain = created.path("domain").asText();
            sandbox.put("/_sandbox/stores/" + domain + "/faults", Map.of("latency_ms", LATENCY_MS)).expect(200, "faults");
            boolean hasOrders = i % ORDER_STORE_EVERY == 0;
            if (hasOrders) {
                sandbox.post("/_sandbox/stores/" + domain + "/orders/seed", Map.of("count", SEEDED_ORDERS, "order_status_id", 1))
                        .expect(201, "seed");
            }
            return new Store(firstStoreId + i, domain, created.path("token").asText(), hasOrders);
        });
        row("sandbox stores created (one by one over the control API)", seconds(began) + " s");
        return stores;
    }

    /** Publishes every store's snapshot and waits until each store was polled once. */
    private void warmUp(List<Store> stores) throws Exception {
        TokenCrypto crypto = PackagedPoller.tokenCrypto();
        long began = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer()) {
            for (Store store : stores) {
                StoreIntegrationChanged snapshot = KafkaTestSupport.snapshot(crypto, store.storeId(), 1, true, store.domain(),
                        store.token(), List.of(1L));
                producer.send(new ProducerRecord<>(Topics.STORE_SETTINGS, snapshot.key(), EventCodec.write(snapshot)));
            }
        }
        awaitCount("SELECT count(*) FROM poll_schedule WHERE last_success_at IS NOT NULL", STORES, Duration.ofMinutes(20));
        row("warm-up: snapshots published -> every store polled once", seconds(began) + " s");
    }

    /** Every store due at once: how fast one instance works through them. */
    private void burst(long pid) throws Exception {
        Timestamp from = dbNow();
        double cpuBefore = cpuSeconds(pid);
        long began = System.nanoTime();
        update("UPDATE poll_schedule SET next_poll_at = now()");
        awaitCount("SELECT count(*) FROM poll_schedule WHERE last_success_at >= '" + from + "'", STORES, Duration.ofMinutes(20));
        double elapsed = (System.nanoTime() - began) / 1e9;
        row("burst: all " + STORES + " stores due at once, polled in", String.format("%.1f s = **%.0f polls/s** (poller CPU %.0f%% of one core)",
                elapsed, STORES / elapsed, 100 * (cpuSeconds(pid) - cpuBefore) / elapsed));
    }

    /** One interval with the stores' due times spread evenly, new orders arriving at random stores with orders. */
    private void steadyInterval(JsonHttp sandbox, List<Store> stores, String metricsUrl, long pid) throws Exception {
        Instant start = dbNow().toInstant().plusSeconds(5);
        Instant end = start.plus(INTERVAL);
        Map<Long, Instant> due = spreadDueTimes(start);
        sleepUntil(start);
        PrometheusScrape before = PrometheusScrape.of(metricsUrl);
        double cpuBefore = cpuSeconds(pid);
        List<Store> withOrders = stores.stream().filter(Store::hasOrders).toList();
        List<Long> createdAt = Collections.synchronizedList(new ArrayList<>());
        List<Double> busySamples = Collections.synchronizedList(new ArrayList<>());
        ExecutorService background = Executors.newFixedThreadPool(2);
        background.submit(() -> createOrdersDuring(sandbox, withOrders, end, createdAt));
        background.submit(() -> {
            while (Instant.now().isBefore(end)) {
                busySamples.add(PrometheusScrape.of(metricsUrl).sum("cartcom_poller_lane_slots_taken", "lane=\"polls\""));
                sleep(1000);
            }
        });
        sleepUntil(end);
        PrometheusScrape after = PrometheusScrape.of(metricsUrl);
        double cpu = cpuSeconds(pid) - cpuBefore;
        background.shutdown();
        background.awaitTermination(1, TimeUnit.MINUTES);
        sleep(15_000); // polls due at the very end finish and land in the call log

        double seconds = INTERVAL.toSeconds();
        double polls = after.sum("cartcom_poller_polls_total") - before.sum("cartcom_poller_polls_total");
        double published = after.sum("cartcom_poller_orders_published_total") - before.sum("cartcom_poller_orders_published_total");
        double pollSeconds = after.sum("cartcom_poller_work_seconds_sum", "lane=\"polls\"")
                - before.sum("cartcom_poller_work_seconds_sum", "lane=\"polls\"");
        row("interval: polls per second achieved / needed", String.format("**%.1f** / %.1f (%.0f polls in %.0f s; failed %.0f)",
                polls / seconds, STORES / seconds, polls, seconds,
                after.sum("cartcom_poller_polls_total", "outcome=\"failed\"") - before.sum("cartcom_poller_polls_total", "outcome=\"failed\"")));

        CallLogs calls = CallLogs.read(sandbox, stores, due, start, end);
        row("interval: poll start after due (sandbox call log), p50 / p99 / max",
                String.format("**%d ms / %d ms / %d ms** (%d of %d stores polled; %d not polled by the end + 15 s)",
                        calls.percentile(50), calls.percentile(99), calls.percentile(100), calls.lateness.size(), due.size(),
                        due.size() - calls.lateness.size()));
        row("interval: worker utilisation (polls lane)", String.format("%.0f%% (busy poll time %.0f s / %d workers x %.0f s); "
                        + "slots taken, mean of 1-s samples %.2f, max %.0f; poller CPU %.0f%% of one core",
                100 * pollSeconds / (WORKERS * seconds), pollSeconds, WORKERS, seconds,
                busySamples.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                busySamples.stream().mapToDouble(Double::doubleValue).max().orElse(0), 100 * cpu / seconds));
        long cartcomCalls = calls.list + calls.addresses + calls.customers + calls.other;
        row("interval: Cart.com calls by the poller", String.format("%d (list %d, addresses select_many %d, customers select_many %d, other %d)",
                cartcomCalls, calls.list, calls.addresses, calls.customers, calls.other));
        row("interval: orders published / new orders created", String.format("%.0f / %d (an order created after its store's poll "
                + "is published by the next one, up to one interval later)", published, createdAt.size()));
        row("interval: Cart.com calls per published order", String.format("**%.2f** all calls; %.2f beyond each poll's one list call; "
                        + "floor 0.01 (one list per 100 orders; 0.03 with the two select_many of a full page)",
                cartcomCalls / Math.max(1, published), (cartcomCalls - calls.list) / Math.max(1, published)));
    }

    /** Due times 30 ms apart over one interval, in an order unrelated to store ids (md5), so stores with orders spread too. */
    private Map<Long, Instant> spreadDueTimes(Instant start) throws SQLException {
        Map<Long, Instant> due = new HashMap<>();
        try (Connection connection = connect(); PreparedStatement spread = connection.prepareStatement("""
                UPDATE poll_schedule p SET next_poll_at = ?::timestamptz + (o.rank * ?::bigint) * interval '1 microsecond'
                FROM (SELECT store_id, row_number() OVER (ORDER BY md5(store_id::text)) - 1 AS rank FROM poll_schedule) o
                WHERE p.store_id = o.store_id RETURNING p.store_id, p.next_poll_at""")) {
            spread.setTimestamp(1, Timestamp.from(start));
            spread.setLong(2, INTERVAL.toNanos() / 1000 / STORES);
            try (ResultSet rs = spread.executeQuery()) {
                while (rs.next()) {
                    due.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return due;
    }

    private static void createOrdersDuring(JsonHttp sandbox, List<Store> withOrders, Instant end, List<Long> createdAt) {
        Random random = new Random(7);
        long gapMillis = INTERVAL.toMillis() / NEW_ORDERS;
        while (Instant.now().isBefore(end.minusMillis(gapMillis))) {
            Store store = withOrders.get(random.nextInt(withOrders.size()));
            sandbox.post("/_sandbox/stores/" + store.domain() + "/orders/seed", Map.of("count", 1, "order_status_id", 1))
                    .expect(201, "new order");
            createdAt.add(System.currentTimeMillis());
            sleep(random.nextLong(gapMillis / 2, gapMillis * 3 / 2));
        }
    }

    private void footprint(String metricsUrl, long pid) throws IOException {
        PrometheusScrape metrics = PrometheusScrape.of(metricsUrl);
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        row("poller memory at the end: heap used / max, RSS / peak RSS, live threads", String.format("%.0f MB / %.0f MB, %d MB / %d MB, %.0f",
                metrics.sum("jvm_memory_used_bytes", "area=\"heap\"") / 1e6, metrics.sum("jvm_memory_max_bytes", "area=\"heap\"") / 1e6,
                procKb(status, "VmRSS:") / 1024, procKb(status, "VmHWM:") / 1024, metrics.sum("jvm_threads_live_threads")));
        row("machine load average (1 min) at the end", Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    /** The sandbox's call log of every store, reduced to what the interval needs. */
    private static final class CallLogs {
        final List<Long> lateness = Collections.synchronizedList(new ArrayList<>());
        long list;
        long addresses;
        long customers;
        long other;

        static CallLogs read(JsonHttp sandbox, List<Store> stores, Map<Long, Instant> due, Instant start, Instant end) throws Exception {
            CallLogs logs = new CallLogs();
            List<long[]> counts = parallel(stores.size(), i -> {
                Store store = stores.get(i);
                Instant dueAt = due.get(store.storeId());
                long[] c = new long[4];
                boolean first = true;
                for (JsonNode call : sandbox.get("/_sandbox/stores/" + store.domain() + "/calls").expect(200, "calls")) {
                    Instant at = Instant.parse(call.path("at").asText());
                    String path = call.path("path").asText();
                    boolean isList = path.endsWith("/orders");
                    // The first list call after the spread is this store's poll in the interval (the previous ended before).
                    if (isList && first && !at.isBefore(start.minusSeconds(5)) && dueAt != null && dueAt.isBefore(end)) {
                        logs.lateness.add(Math.max(0, Duration.between(dueAt, at).toMillis()));
                        first = false;
                    }
                    if (at.isBefore(start) || !at.isBefore(end)) {
                        continue;
                    }
                    c[isList ? 0 : path.endsWith("/order_addresses/select_many") ? 1 : path.endsWith("/customers/select_many") ? 2 : 3]++;
                }
                return c;
            });
            for (long[] c : counts) {
                logs.list += c[0];
                logs.addresses += c[1];
                logs.customers += c[2];
                logs.other += c[3];
            }
            Collections.sort(logs.lateness);
            return logs;
        }

        long percentile(int percent) {
            if (lateness.isEmpty()) {
                return -1;
            }
            int index = (int) Math.ceil(percent / 100.0 * lateness.size()) - 1;
            return lateness.get(Math.max(0, Math.min(lateness.size() - 1, index)));
        }
    }

    private static <T> List<T> parallel(int count, IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            List<T> results = new ArrayList<>(count);
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private void awaitCount(String sql, long expected, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            long count;
            try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement(sql);
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                count = rs.getLong(1);
            }
            if (count >= expected) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + count + " of " + expected + " after " + atMost + ": " + sql);
            }
            Thread.sleep(250);
        }
    }

    private void update(String sql) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private Timestamp dbNow() throws SQLException {
        try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement("SELECT now()");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), stack.username(), stack.password());
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** User plus system CPU time of a process so far (Linux /proc, 100 ticks per second). */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static long procKb(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private void row(String measure, String value) {
        String line = "| " + measure + " | " + value + " |";
        report.add(line);
        System.out.println(line);
    }

    private static String seconds(long beganNanos) {
        return String.format("%.1f", (System.nanoTime() - beganNanos) / 1e9);
    }

    private static void sleepUntil(Instant when) {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            sleep(millis);
        }
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
