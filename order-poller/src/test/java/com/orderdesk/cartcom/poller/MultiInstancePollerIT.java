package com.orderdesk.cartcom.poller;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.devstack.CartcomSandbox;
import com.orderdesk.cartcom.devstack.FreePorts;
import com.orderdesk.cartcom.devstack.ServiceProcess;
import com.orderdesk.cartcom.devstack.SharedStack;
import com.orderdesk.cartcom.devstack.StackEndpoints;
import com.orderdesk.cartcom.devstack.TopicAccess;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.poller.support.KafkaTestSupport;
import com.orderdesk.cartcom.poller.support.PackagedPoller;
import com.orderdesk.cartcom.poller.support.SandboxStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged poller instances (processes) on one database against many sandbox stores: they share the stores,
 * never poll one store at the same time, and when one is killed the other takes its stores over within a minute.
 * Runs after packaging ({@code mvn verify}, failsafe).
 */
class MultiInstancePollerIT {
    private static final int STORES = 30;
    private static final Path MODULE = Path.of("").toAbsolutePath();

    private static StackEndpoints stack;
    private static String database;
    private static final List<ServiceProcess> instances = new ArrayList<>();

    @BeforeAll
    static void start() {
        stack = SharedStack.get(3);
        stack.createTopics(3);
        database = "poller_it_" + UUID.randomUUID().toString().substring(0, 8);
        stack.createDatabase(database);
        for (String name : List.of("poller-a", "poller-b")) {
            ServiceProcess.Builder poller = PackagedPoller.configure(ServiceProcess.quarkusApp(name, MODULE),
                    FreePorts.find(), stack, database, CartcomSandbox.baseUrlTemplate(), name);
            instances.add(poller.systemProperty("poller.interval-override", "PT2S")
                    // A short lease so a killed instance's stores come free quickly.
                    .systemProperty("poller.lease", "PT10S")
                    .systemProperty("poller.workers", "4")
                    .logFile(MODULE.resolve("target/" + name + "-" + database + ".log"))
                    .startTimeout(Duration.ofSeconds(120)).start());
        }
    }

    @AfterAll
    static void stop() {
        instances.forEach(ServiceProcess::close);
    }

    /**
     * The webhook secret travels in the path of the public webhook base URL, so a packaged poller whose base is plain
     * http on a host that is not loopback refuses to start, naming the setting (the rule itself: WebhookUrlsTest). Its
     * own database and consumer groups, so that its short life moves none of the running instances' partitions.
     */
    @Test
    void aPollerRefusesToStartWhenWebhooksWouldComeOverPlainHttp() throws Exception {
        String own = database + "_refused";
        stack.createDatabase(own);
        Path log = MODULE.resolve("target/poller-refused-" + own + ".log");
        ServiceProcess refused = PackagedPoller.configure(ServiceProcess.quarkusApp("poller-refused", MODULE),
                        FreePorts.find(), stack, own, CartcomSandbox.baseUrlTemplate(), "poller-refused")
                .systemProperty("mp.messaging.incoming.poll-requests.group.id", own)
                .systemProperty("cartcom.public-webhook-base-url", "http://hooks.example.com/")
                .trainClassArchive(false) // a start that fails loads too little to train the module's class archive
                .logFile(log)
                .startTimeout(Duration.ofSeconds(120))
                .build();
        try {
            IllegalStateException exited = assertThrows(IllegalStateException.class, refused::start);
            assertTrue(exited.getMessage().contains("exited"), exited.getMessage());
            String output = Files.readString(log);
            assertTrue(output.contains("Failed to start application")
                    && output.contains("cartcom.public-webhook-base-url must use https"),
                    "a failed start that names the setting; see " + log);
            assertFalse(output.contains("Error occurred while executing task"),
                    "refused before any scheduled job ran (none failing on the refused bean); see " + log);
        } finally {
            refused.close();
        }
    }

    @Test
    void instancesShareTheStoresOnePollAtATimeAndTakeOverAKilledInstancesStores() throws Exception {
        TokenCrypto crypto = PackagedPoller.tokenCrypto();
        Map<Long, String> domains = new HashMap<>();
        long firstStoreId = java.util.concurrent.ThreadLocalRandom.current().nextLong(10_000, 90_000) * 1_000;
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < STORES; i++) {
                SandboxStores.Store store = SandboxStores.createWithAnOrder();
                // Each call takes 300 ms, so two polls of one store at once would show as calls close together.
                SandboxStores.faults(store.domain(), Map.of("latency_ms", 300));
                long storeId = firstStoreId + i;
                domains.put(storeId, store.domain());
                StoreIntegrationChanged snapshot = KafkaTestSupport.snapshot(crypto, storeId, 1, true, store.domain(),
                        store.token(), List.of(1L));
                producer.send(new ProducerRecord<>(Topics.STORE_SETTINGS, snapshot.key(), EventCodec.write(snapshot))).get();
            }
        }

        // Shared: both instances hold leases while every store gets polled.
        Set<String> owners = new HashSet<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            owners.addAll(leaseOwners());
            return owners.containsAll(Set.of("poller-a", "poller-b")) && succeededStores() == STORES;
        });

        // Kill one instance (no shutdown: its leases stay until they lapse) while it holds a lease: one claimed in the
        // last 100 ms is still in its first 300 ms call, and the kill takes a few milliseconds.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> count("lease_owner = 'poller-a' AND last_polled_at > now() - interval '100 milliseconds'") > 0);
        instances.get(0).kill();
        Instant killedAt = Instant.now();
        assertTrue(count("lease_owner = 'poller-a'") > 0, "poller-a died holding leases");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                domains.values().stream().allMatch(domain -> lastCall(domain).isAfter(killedAt.plusSeconds(11))));
        Duration takeover = Duration.between(killedAt, Instant.now());
        assertTrue(takeover.compareTo(Duration.ofMinutes(1)) < 0, "taken over in " + takeover);
        // Valid at once: poller-a is dead and its leases lapsed (they ran 10 s), so whoever holds a lease now is b.
        List<String> holding = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(MultiInstancePollerIT::leaseOwners, found -> !found.isEmpty());
        assertEquals(Set.of("poller-b"), new HashSet<>(holding), "only the survivor holds leases");

        // Never two polls of one store at once: an idle poll is one 300 ms call, and the next poll can only be claimed
        // once it ended, so polls one after another start at least 300 ms apart. (They are due 2 s after the previous
        // one was due: one that started late can be followed by the next sooner than 2 s.)
        for (String domain : domains.values()) {
            List<JsonNode> calls = SandboxStores.listCalls(domain);
            for (int i = 1; i < calls.size(); i++) {
                Duration gap = Duration.between(Instant.parse(calls.get(i - 1).path("at").asText()),
                        Instant.parse(calls.get(i).path("at").asText()));
                assertTrue(gap.compareTo(Duration.ofMillis(300)) >= 0, domain + " polled twice at once: " + calls);
            }
        }
    }

    private static Instant lastCall(String domain) {
        List<JsonNode> calls = SandboxStores.listCalls(domain);
        return calls.isEmpty() ? Instant.EPOCH : Instant.parse(calls.get(calls.size() - 1).path("at").asText());
    }

    /** The poll_schedule rows that match {@code where}. */
    private static long count(String where) throws Exception {
        return Long.parseLong(query("SELECT count(*) FROM poll_schedule WHERE " + where).get(0));
    }

    private static List<String> leaseOwners() throws Exception {
        return query("SELECT DISTINCT lease_owner FROM poll_schedule WHERE lease_owner IS NOT NULL AND lease_until > now()");
    }

    private static long succeededStores() throws Exception {
        return Long.parseLong(query("SELECT count(*) FROM poll_schedule WHERE last_success_at IS NOT NULL").get(0));
    }

    private static List<String> query(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(database), stack.username(), stack.password());
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    private static KafkaProducer<String, String> producer() {
        return TopicAccess.producer(stack.bootstrapServers());
    }
}
