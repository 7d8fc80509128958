package com.orderdesk.cartcom.importer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.devstack.CartcomSandboxTestResource;
import com.orderdesk.cartcom.devstack.DevStackTestResource;
import com.orderdesk.cartcom.devstack.FreePorts;
import com.orderdesk.cartcom.devstack.ServiceProcess;
import com.orderdesk.cartcom.importer.support.CartcomFixtures;
import com.orderdesk.cartcom.importer.support.KafkaTestClient;
import com.orderdesk.cartcom.model.auth.ApiKeys;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/**
 * Two importer instances in one consumer group on the same database and topic: this test's application and the
 * packaged importer as a separate process. Many stores' orders, sent interleaved: each is imported exactly once,
 * each store's orders in the order they were sent, and both instances did part of the work.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "importer"))
@QuarkusTestResource(value = CartcomSandboxTestResource.class, restrictToAnnotatedClass = true)
class TwoImporterInstancesIT {
    private static final int STORES = 12;
    private static final int ORDERS_PER_STORE = 15;

    @Inject
    TokenCrypto crypto;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Config config;

    /** The settings this application runs with that the second instance must share: broker, database, token keys. */
    private Map<String, String> sharedSettings() {
        Map<String, String> settings = new HashMap<>();
        for (String key : List.of("kafka.bootstrap.servers", "quarkus.datasource.jdbc.url", "quarkus.datasource.username",
                "quarkus.datasource.password", "cartcom.token-keys", "cartcom.token-key-id")) {
            settings.put(key, config.getValue(key, String.class));
        }
        settings.put("quarkus.http.port", String.valueOf(FreePorts.find()));
        // Its log says which orders it imported (a DEBUG line each).
        settings.put("quarkus.log.category.\"com.orderdesk.cartcom.importer.service.OrderImportService\".level", "DEBUG");
        return settings;
    }

    @Test
    void eachOrderIsImportedOnceAndEachStoreInOrder() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient(config.getValue("kafka.bootstrap.servers", String.class))) {
            long firstStore = storesOnEveryPartition(kafka,
                    System.currentTimeMillis() % 10_000_000L * 100 + 700_000_000_000L);
            importWithTwoInstances(kafka, firstStore);
        }
    }

    /**
     * The first of {@link #STORES} consecutive store ids, at or after {@code from} (in steps of 100, so they share
     * the log prefix), whose keys fall on every partition of the raw topic. Random ids would sometimes all hash onto
     * the partitions of one instance (about 1 run in 250), and that instance would rightly do all the work.
     */
    private static long storesOnEveryPartition(KafkaTestClient kafka, long from) {
        int partitions = kafka.partitionsOf(Topics.ORDERS_RAW);
        for (long first = from; ; first += 100) {
            Set<Integer> covered = new HashSet<>();
            for (int s = 0; s < STORES; s++) {
                covered.add(kafka.partitionOf(Topics.ORDERS_RAW, String.valueOf(first + s)));
            }
            if (covered.size() == partitions) {
                return first;
            }
        }
    }

    private void importWithTwoInstances(KafkaTestClient kafka, long firstStore) throws Exception {
        Path log = Path.of("target/second-importer-" + firstStore + ".log");
        try (ServiceProcess second = ServiceProcess.quarkusApp("order-importer-2", Path.of("."))
                .systemProperties(sharedSettings()).logFile(log).start()) {
            for (int s = 0; s < STORES; s++) {
                long store = firstStore + s;
                kafka.send(Topics.STORE_SETTINGS, String.valueOf(store), EventCodec.write(
                        CartcomFixtures.store(store, 1, ApiKeys.generate(), "token", crypto, null)));
            }
            // Settings and orders are separate topics: each order says which settings version it was fetched under
            // (as the poller's do), and the instance that takes it waits for that version instead of judging the store.
            for (int o = 0; o < ORDERS_PER_STORE; o++) {
                for (int s = 0; s < STORES; s++) {
                    long store = firstStore + s;
                    // Decreasing ids: order of arrival, not of id, is what must be kept.
                    long cartOrderId = 10_000 - o;
                    // A second fetch (poll overlap: another event of the same order) now and then: still one order.
                    for (int copy = 0; copy < (o % 5 == 0 ? 2 : 1); copy++) {
                        kafka.send(Topics.ORDERS_RAW, String.valueOf(store), EventCodec.write(
                                CartcomFixtures.fetched(store, cartOrderId, null).atStoreVersion(1)));
                    }
                }
            }
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> importedByStore(firstStore).values().stream().mapToInt(List::size).sum()
                            == STORES * ORDERS_PER_STORE);
            // Anything late would be a duplicate attempt: one more order per store, on the store's partition behind all
            // the others, imported means every earlier record of the store was taken.
            long marker = 10_000L - ORDERS_PER_STORE;
            for (int s = 0; s < STORES; s++) {
                long store = firstStore + s;
                kafka.send(Topics.ORDERS_RAW, String.valueOf(store), EventCodec.write(
                        CartcomFixtures.fetched(store, marker, null).atStoreVersion(1)));
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> importedByStore(firstStore).values().stream().allMatch(ids -> ids.contains(marker))
                            && importedByStore(firstStore).size() == STORES);
            Map<Long, List<Long>> imported = importedByStore(firstStore);
            List<Long> sent = new ArrayList<>();
            for (int o = 0; o <= ORDERS_PER_STORE; o++) {
                sent.add(10_000L - o); // the last: the marker
            }
            for (int s = 0; s < STORES; s++) {
                assertEquals(sent, imported.get(firstStore + s), "store " + (firstStore + s) + ": once each, in order");
            }
            long bySecond = Files.readAllLines(log).stream()
                    .filter(l -> l.contains("Imported Cart.com order") && l.contains("of store " + firstStore / 100)).count();
            assertTrue(bySecond > 0 && bySecond < STORES * (ORDERS_PER_STORE + 1),
                    "both instances imported: the second did " + bySecond);
        }
    }

    /** Each store's Cart.com order ids in the order they were inserted (od_order.id). */
    private Map<Long, List<Long>> importedByStore(long firstStore) throws Exception {
        Map<Long, List<Long>> byStore = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT store_id, cart_order_id FROM od_order WHERE store_id BETWEEN ? AND ? ORDER BY id")) {
            s.setLong(1, firstStore);
            s.setLong(2, firstStore + STORES - 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byStore.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                }
            }
        }
        return byStore;
    }
}
