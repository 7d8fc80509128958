package com.orderdesk.cartcom.importer.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.devstack.BenchmarkRuns;
import com.orderdesk.cartcom.devstack.CartcomSandboxTestResource;
import com.orderdesk.cartcom.devstack.DevStackTestResource;
import com.orderdesk.cartcom.devstack.FreePorts;
import com.orderdesk.cartcom.devstack.ServiceProcess;
import com.orderdesk.cartcom.importer.listener.RawOrderListener;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.events.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.LongStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark 3: imported orders per second from {@code cartcom.orders.raw.v1} to committed rows, beside the ceiling
 * measured in the same run on the same PostgreSQL: COPY of the same rows ({@link CopyCeiling}) on as many connections
 * as the importer writes on (one: one writer thread), with plain batched inserts ({@link PlainInserts}) as a
 * baseline. The headline is the packaged importer as a process consuming from Kafka as the records are produced,
 * with the services' JVM options; {@code -Dbench.packaged=false} measures this JVM's importer from a backlog instead
 * (for a profiler). The benchmark's stores set no "After Import" status, so neither side writes a status row. A
 * first round warms the importer up (JIT); then {@code bench.runs} rounds (3) and as many ceilings, shown as median
 * (min, max). Fails, saying so, when the importer's median is under half the COPY ceiling's.
 * <p>
 * Run: {@code mvn -B -o -pl order-importer package -DskipTests} then
 * {@code mvn -B -o -pl order-importer test -Pbench [-Dbench.orders=10000 -Dbench.warm-up=10000 -Dbench.stores=20]}.
 * JVM options of the packaged importer: {@code -Dbench.jvm-args="..."}, default those of every service.
 */
@QuarkusTest
@Tag("bench")
@TestProfile(ImportThroughputBenchmarkTest.ImporterUnderTest.class)
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "importer"))
@QuarkusTestResource(value = CartcomSandboxTestResource.class, restrictToAnnotatedClass = true)
class ImportThroughputBenchmarkTest {
    private static final int ORDERS = Integer.getInteger("bench.orders", 10_000);
    private static final int WARM_UP = Integer.getInteger("bench.warm-up", 10_000);
    private static final int STORES = Integer.getInteger("bench.stores", 20);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final boolean PACKAGED = Boolean.parseBoolean(System.getProperty("bench.packaged", "true"));
    /** The importer writes every batch on one thread, so on one connection: the ceiling gets as many. */
    private static final int IMPORTER_WRITE_CONNECTIONS = 1;
    private static final double TARGET_SHARE_OF_CEILING = 0.5;
    /** The packaged importer's JVM options: by default those every service runs with. */
    private static final List<String> JVM_ARGS = System.getProperty("bench.jvm-args") == null
            ? ServiceProcess.SERVICE_JVM_ARGS : List.of(System.getProperty("bench.jvm-args").split(" "));
    private static final long TEN_MINUTES = 600_000_000_000L;

    /** This JVM's channel can be paused; with the packaged importer doing the work, it reads another topic and relays nothing. */
    public static class ImporterUnderTest implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return PACKAGED
                    ? Map.of("mp.messaging.incoming.raw-orders.topic", "bench.not-read.v1", "outbox.relay-every", "off")
                    : Map.of("mp.messaging.incoming.raw-orders.pausable", "true");
        }
    }

    /** Orders per second until all are committed rows, and until their events are relayed; the CPU it took. */
    private record Round(double imported, double published, CpuUse cpu) {
    }

    @Inject
    TokenCrypto crypto;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Scheduler scheduler;
    @Inject
    ChannelRegistry channels;
    @Inject
    Config config;

    @Test
    void importedOrdersPerSecondAgainstTheCopyCeiling() throws Exception {
        long firstStore = System.currentTimeMillis() % 10_000_000L * 1000 + 900_000_000_000L;
        Workload warmUp = Workload.of(firstStore, STORES, WARM_UP, crypto);
        List<Workload> measured = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            measured.add(Workload.of(firstStore + (long) STORES * run, STORES, ORDERS, crypto));
        }

        ServiceProcess packaged = PACKAGED ? startPackagedImporter(firstStore) : null;
        ProcessHandle importer = packaged == null ? ProcessHandle.current() : packaged.processHandle().orElseThrow();
        PeakMemory memory = packaged == null ? null : PeakMemory.watch(importer.pid());
        List<Round> rounds = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer()) {
            List<Workload> all = new ArrayList<>(measured);
            all.add(0, warmUp);
            publishStores(producer, all);
            long start = System.nanoTime();
            send(producer, warmUp);
            awaitImported(warmUp, start);
            for (Workload workload : measured) {
                rounds.add(PACKAGED ? asProduced(producer, workload, importer) : fromBacklog(producer, workload));
            }
        } finally {
            if (memory != null) {
                memory.stop();
            }
            if (packaged != null) {
                packaged.stop();
            }
        }
        Ceilings ceilings = ceilings(measured.get(measured.size() - 1).lastStore() + 1, measured.get(0));
        BenchmarkRuns imported = new BenchmarkRuns();
        rounds.forEach(round -> imported.add(round.imported()));
        print(rounds, imported, ceilings, memory);
        double share = imported.median() / ceilings.copy().median();
        assertTrue(share >= TARGET_SHARE_OF_CEILING, String.format(Locale.ROOT,
                "the importer's median %.0f orders/s is %.0f%% of the COPY ceiling's %.0f, under the %.0f%% target",
                imported.median(), 100 * share, ceilings.copy().median(), 100 * TARGET_SHARE_OF_CEILING));
    }

    /** The ceilings, each run {@link #RUNS} times on stores of their own, with the relay paused: their events are deleted. */
    private record Ceilings(BenchmarkRuns copy, BenchmarkRuns inserts, CpuUse copyCpu) {
    }

    private Ceilings ceilings(long firstStore, Workload workload) throws Exception {
        var mapped = workload.mapped();
        Ceilings ceilings = new Ceilings(new BenchmarkRuns(), new BenchmarkRuns(), null);
        CpuUse copyCpu = null;
        pauseRelay(true);
        try {
            for (int run = 0; run < RUNS; run++) {
                long copyStore = firstStore + 2L * run;
                CpuUse before = CpuUse.now(ProcessHandle.current());
                ceilings.copy().add(CopyCeiling.copy(dataSource, copyStore, mapped, IMPORTER_WRITE_CONNECTIONS));
                copyCpu = CpuUse.now(ProcessHandle.current()).minus(before);
                ceilings.inserts().add(PlainInserts.insert(dataSource, copyStore + 1, mapped));
            }
        } finally {
            for (long store = firstStore; store < firstStore + 2L * RUNS; store++) {
                PlainInserts.deleteEvents(dataSource, store);
            }
            pauseRelay(false);
        }
        return new Ceilings(ceilings.copy(), ceilings.inserts(), copyCpu);
    }

    /** This JVM's importer, from a backlog: the records are all on the topic when the channel resumes. */
    private Round fromBacklog(KafkaProducer<String, String> producer, Workload workload) throws Exception {
        PausableChannel channel = channels.getPausable(RawOrderListener.CHANNEL);
        channel.pause();
        send(producer, workload);
        Thread.sleep(2000); // what the paused channel had in hand is written
        long before = countOrders(workload);
        CpuUse cpuBefore = CpuUse.now(ProcessHandle.current());
        long start = System.nanoTime();
        channel.resume();
        return measure(workload, before, start, cpuBefore, ProcessHandle.current());
    }

    /** The packaged importer takes the records as they are produced. */
    private Round asProduced(KafkaProducer<String, String> producer, Workload workload, ProcessHandle importer)
            throws Exception {
        CpuUse cpuBefore = CpuUse.now(importer);
        long start = System.nanoTime();
        send(producer, workload);
        return measure(workload, 0, start, cpuBefore, importer);
    }

    private Round measure(Workload workload, long importedBefore, long start, CpuUse cpuBefore, ProcessHandle importer)
            throws Exception {
        int orders = workload.records().size();
        awaitImported(workload, start);
        double imported = (orders - importedBefore) / ((System.nanoTime() - start) / 1e9);
        CpuUse cpu = CpuUse.now(importer).minus(cpuBefore);
        long giveUp = System.nanoTime() + 120_000_000_000L;
        while (unsentEvents(workload) > 0) {
            if (System.nanoTime() > giveUp) {
                return new Round(imported, Double.NaN, cpu); // the relay is stopped or stuck
            }
            Thread.sleep(50);
        }
        return new Round(imported, orders / ((System.nanoTime() - start) / 1e9), cpu);
    }

    private void print(List<Round> rounds, BenchmarkRuns imported, Ceilings ceilings, PeakMemory memory) {
        String importer = PACKAGED ? "packaged importer (" + String.join(" ", JVM_ARGS) + ")"
                : "importer (this JVM: " + String.join(" ", compilerAndCollector()) + ")";
        BenchmarkRuns published = new BenchmarkRuns();
        rounds.forEach(round -> published.add(round.published()));
        System.out.printf("%n| measure (%d orders after %d to warm up, %d stores, 2 items each; %d runs: median (min, max)) "
                + "| orders/s |%n|---|---:|%n", ORDERS, WARM_UP, STORES, RUNS);
        System.out.printf("| %s: raw topic -> committed rows (order, items, outbox x2) | %s |%n", importer, imported.show("%.0f"));
        System.out.printf("| %s: raw topic -> events relayed to Kafka | %s |%n", importer, published.show("%.0f"));
        System.out.printf("| ceiling: COPY of the same rows, %d connection(s), %d orders a transaction | %s |%n",
                IMPORTER_WRITE_CONNECTIONS, PlainInserts.BATCH, ceilings.copy().show("%.0f"));
        System.out.printf("| baseline: batched JDBC inserts of the same rows, batch %d | %s |%n", PlainInserts.BATCH,
                ceilings.inserts().show("%.0f"));
        System.out.printf("| importer / COPY ceiling (target %.0f%%) | %.0f%% |%n", 100 * TARGET_SHARE_OF_CEILING,
                100 * imported.median() / ceilings.copy().median());
        if (memory != null) {
            System.out.printf("| packaged importer resident memory: peak sampled / high-water mark | %d MB / %d MB |%n",
                    memory.peakMb(), memory.highWaterMarkMb());
        }
        System.out.printf("%n| CPU ms per order (last run) | Java | PostgreSQL | Kafka |%n|---|---:|---:|---:|%n");
        System.out.printf("| %s | %s |%n", importer, rounds.get(rounds.size() - 1).cpu().perOrder(ORDERS));
        System.out.printf("| COPY ceiling | %s |%n%n", ceilings.copyCpu().perOrder(ORDERS));
    }

    /** The options of this JVM that make its code as fast as a service's: the bench profile sets those of the services. */
    private static List<String> compilerAndCollector() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("-XX:TieredStopAtLevel") || (arg.startsWith("-XX:+Use") && arg.endsWith("GC")))
                .toList();
    }

    /** The packaged importer on this test's broker and database, in the consumer group this JVM's is not in. */
    private ServiceProcess startPackagedImporter(long runId) {
        Map<String, String> settings = new HashMap<>();
        for (String key : List.of("kafka.bootstrap.servers", "quarkus.datasource.jdbc.url", "quarkus.datasource.username",
                "quarkus.datasource.password", "cartcom.token-keys", "cartcom.token-key-id")) {
            settings.put(key, config.getValue(key, String.class));
        }
        settings.put("quarkus.http.port", String.valueOf(FreePorts.find()));
        return ServiceProcess.quarkusApp("order-importer-bench", Path.of(".")).systemProperties(settings)
                .jvmArgs(JVM_ARGS.toArray(String[]::new)).logFile(Path.of("target/bench-importer-" + runId + ".log")).start();
    }

    private void pauseRelay(boolean pause) {
        if (PACKAGED) {
            return; // this JVM's relay is off, the packaged importer stopped
        }
        if (pause) {
            scheduler.pause("outbox-relay");
        } else {
            scheduler.resume("outbox-relay");
        }
    }

    /** The importer knows every store before its orders arrive (separate topics: no order between them). */
    private void publishStores(KafkaProducer<String, String> producer, List<Workload> workloads) throws Exception {
        long stores = 0;
        for (Workload workload : workloads) {
            for (StoreIntegrationChanged store : workload.stores()) {
                producer.send(new ProducerRecord<>(Topics.STORE_SETTINGS, String.valueOf(store.storeId()), EventCodec.write(store)));
                stores++;
            }
        }
        producer.flush();
        long first = workloads.get(0).firstStore();
        long last = workloads.get(workloads.size() - 1).lastStore();
        while (count("SELECT count(*) FROM store_snapshot WHERE store_id BETWEEN ? AND ? AND NOT deleted", first, last) < stores) {
            Thread.sleep(100);
        }
    }

    private static void send(KafkaProducer<String, String> producer, Workload workload) {
        for (int i = 0; i < workload.records().size(); i++) {
            producer.send(new ProducerRecord<>(Topics.ORDERS_RAW, String.valueOf(workload.storeOf(i)), workload.records().get(i)));
        }
        producer.flush();
    }

    /** Polls the count, finely only near the end, so polling costs the database little. */
    private void awaitImported(Workload workload, long start) throws Exception {
        int orders = workload.records().size();
        long committed;
        while ((committed = countOrders(workload)) < orders) {
            if (System.nanoTime() - start > TEN_MINUTES) {
                throw new AssertionError("only " + committed + " of " + orders + " orders imported after 10 minutes");
            }
            Thread.sleep(orders - committed > orders / 20 ? 250 : 20);
        }
    }

    private long countOrders(Workload workload) throws SQLException {
        return count("SELECT count(*) FROM od_order WHERE store_id BETWEEN ? AND ?", workload.firstStore(), workload.lastStore());
    }

    /** The workload's outbox rows (keyed by store id) the relay has not sent yet. */
    private long unsentEvents(Workload workload) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL AND record_key = ANY(?)")) {
            s.setArray(1, c.createArrayOf("text",
                    LongStream.rangeClosed(workload.firstStore(), workload.lastStore()).mapToObj(String::valueOf).toArray()));
            return single(s);
        }
    }

    private long count(String sql, long from, long to) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, from);
            s.setLong(2, to);
            return single(s);
        }
    }

    private static long single(PreparedStatement count) throws SQLException {
        try (ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }
}
