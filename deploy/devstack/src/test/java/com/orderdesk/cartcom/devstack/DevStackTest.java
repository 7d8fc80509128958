package com.orderdesk.cartcom.devstack;

import com.orderdesk.cartcom.model.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole stack for real: one start for the class (it takes seconds), the checks in order, close() last. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevStackTest {
    @TempDir
    static Path dataDir;
    static DevStack stack;
    static final String KEY = "store-42";
    static final String VALUE = "{\"storeId\":42,\"v\":" + UUID.randomUUID() + "}";

    @BeforeAll
    static void startStack() {
        long started = System.nanoTime();
        // A JUnit temp folder is 0700: as root this also exercises the /tmp fallback for postgres' files.
        stack = DevStack.builder().dataDir(dataDir).deleteDataOnClose(true).start();
        System.out.printf("devstack started in %d ms (kafka %s, postgres %s)%n",
                (System.nanoTime() - started) / 1_000_000, stack.bootstrapServers(), stack.jdbcUrl("settings"));
    }

    @AfterAll
    static void closeStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void producesAndConsumesARecord() throws Exception {
        produce(Topics.STORE_SETTINGS, KEY, VALUE);
        assertTrue(consumeAll(Topics.STORE_SETTINGS).contains(KEY + "=" + VALUE));
    }

    @Test
    @Order(2)
    void topicsHaveSeveralPartitionsAndStoreSettingsIsCompacted() throws Exception {
        try (Admin admin = KafkaBroker.admin(stack.bootstrapServers())) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.allWithDeadLetters())
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            assertEquals(Set.copyOf(Topics.allWithDeadLetters()), topics.keySet());
            topics.values().forEach(t -> assertEquals(3, t.partitions().size(), t.name()));
            ConfigResource settings = new ConfigResource(ConfigResource.Type.TOPIC, Topics.STORE_SETTINGS);
            Config config = admin.describeConfigs(List.of(settings)).all().get(30, TimeUnit.SECONDS).get(settings);
            assertEquals("compact", config.get("cleanup.policy").value());
            ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ORDERS_RAW);
            assertEquals("delete", admin.describeConfigs(List.of(raw)).all().get(30, TimeUnit.SECONDS)
                    .get(raw).get("cleanup.policy").value());
        }
        stack.kafka().createTopics(); // idempotent
    }

    @Test
    @Order(2)
    void aPlainBrokerLetsAnyClientIn() {
        KafkaLogins.Attempt attempt = KafkaLogins.listTopics(stack.kafka(), Map.of(), Duration.ofSeconds(10));
        assertFalse(attempt.refused(), attempt.toString());
        // The request KafkaScramTest sees refused on a SASL listener is answered here.
        assertTrue(KafkaLogins.unauthenticatedRequest(stack.kafka(), Duration.ofSeconds(10)).answered());
        assertTrue(stack.kafka().clientSecurity().isEmpty());
    }

    @Test
    @Order(3)
    void everyServiceDatabaseTakesATable() throws Exception {
        for (String db : DevStack.DATABASES) {
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl(db), stack.username(), stack.password());
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE probe (id INT PRIMARY KEY, name TEXT)");
                s.execute("INSERT INTO probe VALUES (1, '" + db + "')");
                try (ResultSet rs = s.executeQuery("SELECT name FROM probe WHERE id = 1")) {
                    assertTrue(rs.next());
                    assertEquals(db, rs.getString(1));
                }
            }
        }
        stack.postgres().createDatabase(DevStack.SETTINGS_DB); // idempotent
    }

    @Test
    @Order(4)
    void brokerStoppedAndStartedOnTheSamePortKeepsTheRecord() throws Exception {
        int port = stack.kafka().port();
        long t0 = System.nanoTime();
        stack.kafka().stop();
        long t1 = System.nanoTime();
        assertFalse(stack.kafka().isRunning());
        stack.kafka().start();
        System.out.printf("broker stop %d ms, start %d ms%n", (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000);
        assertEquals(port, stack.kafka().port());
        assertTrue(consumeAll(Topics.STORE_SETTINGS).contains(KEY + "=" + VALUE));
    }

    @Test
    @Order(5)
    void brokerKilledAndStartedAgainRecovers() throws Exception {
        stack.kafka().kill();
        assertFalse(stack.kafka().isRunning());
        long t0 = System.nanoTime();
        stack.kafka().start();
        long t1 = System.nanoTime();
        assertTrue(consumeAll(Topics.STORE_SETTINGS).contains(KEY + "=" + VALUE));
        System.out.printf("broker start after kill %d ms, first read %d ms%n", (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000);
        produce(Topics.ORDERS_RAW, KEY, "after-crash");
        assertTrue(consumeAll(Topics.ORDERS_RAW).contains(KEY + "=after-crash"));
    }

    @Test
    @Order(6)
    void postgresStoppedOrKilledAndStartedAgainKeepsTheData() throws Exception {
        int port = stack.postgres().port();
        stack.postgres().stop();
        stack.postgres().start();
        stack.postgres().kill();
        stack.postgres().start();
        assertEquals(port, stack.postgres().port());
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(DevStack.POLLER_DB), stack.username(),
                stack.password()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM probe WHERE id = 1")) {
            assertTrue(rs.next());
            assertEquals(DevStack.POLLER_DB, rs.getString(1));
        }
    }

    @Test
    @Order(7)
    void closeLeavesNoChildProcess() {
        List<ProcessHandle> children = new ArrayList<>();
        for (ProcessHandle p : List.of(stack.kafka().processHandle().orElseThrow(),
                stack.postgres().processHandle().orElseThrow())) {
            children.add(p);
            children.addAll(p.descendants().toList());
        }
        assertTrue(children.size() > 2, "postgres has backend processes");
        stack.close();
        for (ProcessHandle p : children) {
            assertFalse(p.isAlive(), "still alive: " + p.pid() + " " + p.info().commandLine().orElse(""));
        }
        Set<Long> pids = children.stream().map(ProcessHandle::pid).collect(Collectors.toSet());
        assertTrue(ProcessHandle.current().descendants().noneMatch(p -> pids.contains(p.pid()) && p.isAlive()));
    }

    private static void produce(String topic, String key, String value) throws Exception {
        KafkaClients.produce(stack.kafka(), Map.of(), topic, key, value);
    }

    private static List<String> consumeAll(String topic) {
        return KafkaClients.consumeAll(stack.kafka(), Map.of(), topic);
    }
}
