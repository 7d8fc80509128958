package com.orderdesk.cartcom.importer.bench;

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
import java.util.HashMap;
import java.util.List;
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
 * Benchmark 3: imported orders per second from {@code cartcom.orders.raw.v1} to committed rows, and in the same run
 * the ceiling: plain batched JDBC inserts of the same rows ({@link PlainInserts}) into the same PostgreSQL. The
 * benchmark's stores set no "After Import" status, so neither side writes a status row. A first round warms the
 * importer up (JIT); the measured round starts from a backlog: this JVM's channel is paused while the records are
 * produced, so the producer's work is not counted as the importer's. Prints the rates and the CPU an order costs;
 * asserts nothing about speed.
 * <p>
 * Run: {@code mvn -B -o -pl order-importer test -Pbench [-Dbench.orders=10000 -Dbench.warm-up=10000 -Dbench.stores=20]}.
 * With {@code -Dbench.packaged=true} the packaged importer ({@code target/quarkus-app}, build it first) imports as a
 * process (JVM options {@code -Dbench.jvm-args="..."}, default those of every service), taking the records as they
 * are produced, and its resident memory is reported too.
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
    private static final boolean PACKAGED = Boolean.getBoolean("bench.packaged");
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
    void importedOrdersPerSecondAgainstPlainInserts() throws Exception {
        long firstStore = System.currentTimeMillis() % 10_000_000L * 1000 + 900_000_000_000L;
        Workload warmUp = Workload.of(firstStore, STORES, WARM_UP, crypto);
        Workload measured = Workload.of(firstStore + STORES, STORES, ORDERS, crypto);

        ServiceProcess packaged = PACKAGED ? startPackagedImporter(firstStore) : null;
        ProcessHandle importer = packaged == null ? ProcessHandle.current() : packaged.processHandle().orElseThrow();
        PeakMemory memory = packaged == null ? null : PeakMemory.watch(importer.pid());
        Round round;
        try (KafkaProducer<String, String> producer = producer()) {
            publishStores(producer, List.of(warmUp, measured));
            long start = System.nanoTime();
            send(producer, warmUp);
            awaitImported(warmUp, start);
            round = PACKAGED ? asProduced(producer, measured, importer) : fromBacklog(producer, measured);
        } finally {
            if (memory != null) {
                memory.stop();
            }
            if (packaged != null) {
                packaged.stop();
            }
        }

        // The ceiling, with the relay paused: the ceiling's events are deleted, never sent.
        long ceilingStore = measured.lastStore() + 1;
        var mapped = measured.mapped();
        pauseRelay(true);
        double plain;
        CpuUse ceilingCpu;
        try {
            CpuUse before = CpuUse.now(ProcessHandle.current());
            plain = PlainInserts.insert(dataSource, ceilingStore, mapped);
            ceilingCpu = CpuUse.now(ProcessHandle.current()).minus(before);
        } finally {
            PlainInserts.deleteEvents(dataSource, ceilingStore);
            pauseRelay(false);
        }
        print(round, plain, ceilingCpu, memory);
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

    private void print(Round round, double plain, CpuUse ceilingCpu, PeakMemory memory) {
        String importer = PACKAGED ? "packaged importer (" + String.join(" ", JVM_ARGS) + ")"
                : "importer (this JVM: " + String.join(" ", compilerAndCollector()) + ")";
        System.out.printf("%n| measure (%d orders after %d to warm up, %d stores, 2 items each) | orders/s |%n|---|---:|%n",
                ORDERS, WARM_UP, STORES);
        System.out.printf("| %s: raw topic -> committed rows (order, items, outbox x2) | %.0f |%n", importer, round.imported());
        System.out.printf("| %s: raw topic -> events relayed to Kafka | %.0f |%n", importer, round.published());
        System.out.printf("| ceiling: plain batched JDBC inserts (order, items, outbox x2), batch %d | %.0f |%n",
                PlainInserts.BATCH, plain);
        System.out.printf("| importer / ceiling | %.0f%% |%n", 100 * round.imported() / plain);
        if (memory != null) {
            System.out.printf("| packaged importer resident memory: peak sampled / high-water mark | %d MB / %d MB |%n",
                    memory.peakMb(), memory.highWaterMarkMb());
        }
        System.out.printf("%n| CPU ms per order | Java | PostgreSQL | Kafka |%n|---|---:|---:|---:|%n");
        System.out.printf("| %s | %s |%n", importer, round.cpu().perOrder(ORDERS));
        System.out.printf("| ceiling | %s |%n%n", ceilingCpu.perOrder(ORDERS));
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
