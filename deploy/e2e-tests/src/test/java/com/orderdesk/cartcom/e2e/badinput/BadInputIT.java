package com.orderdesk.cartcom.e2e.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.devstack.JsonHttp;
import com.orderdesk.cartcom.launcher.LocalSystem;
import com.orderdesk.cartcom.launcher.Service;
import com.orderdesk.cartcom.launcher.Waits;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.model.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 7, bad input: the whole system (one instance of each service, the sandbox) meets malformed settings
 * requests, hostile store domains and malformed records on every consumed topic. Each gets its documented answer,
 * printed as a table; nothing crashes, nothing is lost. See docs/bad-input.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT {
    private static final String MARKER_FOLDER = "bad-input-marker";

    private static LocalSystem system;
    private static ConnectionTrap trap;
    private static CompletableFuture<ProductionRulesSettings> production;
    private static KafkaProbe kafka;
    private static DeadLetterLog deadLetters;
    private static Map<String, List<String>> consumers;
    private static BadInputStore target;
    private static MalformedRecords malformedRecords;
    private static Before before;

    /** The target store as round 0 left it: what every rejected request must leave untouched. */
    private record Before(JsonNode settings, JsonNode connection, JsonNode folders, long snapshotVersion,
                          long storeSettingsRecords, long importRequestRecords) {
    }

    @BeforeAll
    static void startSystem() throws Exception {
        Path repoRoot = Path.of("../..").toAbsolutePath().normalize();
        // An order of an unknown store first waits for the store's settings (40 s in production); a row has 45 s.
        system = LocalSystem.start(new LocalSystem.Options(repoRoot, Files.createTempDirectory("cartcom-bad-input-"),
                true, "bad-input-admin-token", Duration.ofSeconds(2), 1,
                Map.of("importer.import.store-settings-wait", "5s")));
        trap = new ConnectionTrap();
        // Starts while the first tables run: a JVM start is the slowest step on a small machine.
        production = CompletableFuture.supplyAsync(() -> ProductionRulesSettings.start(system, trap, HostileDomains.dns()));
        kafka = new KafkaProbe(system.kafkaClientConfig());
        deadLetters = new DeadLetterLog(system.kafkaClientConfig());
        consumers = ServiceConsumers.read(repoRoot);
        target = BadInputStore.create(system);
        new ValidRound(target).run(0);
        before = new Before(get(target.integrationPath() + "/settings"), get(target.integrationPath() + "/connection"),
                get("/api/v1/stores/" + target.key() + "/folders"), snapshotVersion(latestSnapshot()),
                kafka.totalRecords(Topics.STORE_SETTINGS), kafka.totalRecords(Topics.IMPORT_REQUESTS));
        malformedRecords = new MalformedRecords(target, kafka, deadLetters, consumers);
    }

    @AfterAll
    static void stopSystem() {
        if (production != null) {
            production.thenAccept(ProductionRulesSettings::close).exceptionally(failed -> null).join();
        }
        for (AutoCloseable part : Arrays.asList(trap, deadLetters, kafka, system)) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                System.out.println("[bad-input] closing " + part + ": " + e);
            }
        }
    }

    @Test
    @Order(1)
    void everyConsumedTopicIsInTable3() {
        System.out.println("[bad-input] consumers by topic (from each service's application.properties): " + consumers);
        assertEquals(Arrays.stream(ConsumedTopic.values()).map(t -> t.topic).sorted().toList(),
                consumers.keySet().stream().sorted().toList(), "a consumed topic is missing from table 3");
    }

    @Test
    @Order(2)
    void malformedSettingsRequestsGetTheirDocumentedAnswer() {
        assertAllDocumented(new SettingsRequests(target, target.settingsFor(0)).run());
    }

    @Test
    @Order(3)
    void hostileDomainsAreRefusedWithoutACall() {
        ProductionRulesSettings productionRules = production.join();
        try {
            assertAllDocumented(new HostileDomains(target, productionRules, trap).run());
        } finally {
            productionRules.close();
        }
    }

    @Test
    @Order(4)
    void theRejectedRequestsChangedAndPublishedNothing() {
        assertEquals(before.settings(), get(target.integrationPath() + "/settings"), "settings unchanged");
        assertEquals(before.connection(), get(target.integrationPath() + "/connection"), "connection unchanged");
        assertEquals(before.folders(), get("/api/v1/stores/" + target.key() + "/folders"), "folders unchanged");

        // A valid change now publishes one snapshot. Had any rejected request published, the store's version would
        // have moved more than once, or more records would be on the topic.
        target.settingsApi().post("/api/v1/stores/" + target.key() + "/folders", Map.of("name", MARKER_FOLDER))
                .expect(201, "add the marker folder");
        ConsumerRecord<String, String> marker = Waits.until("the marker snapshot",
                Duration.ofSeconds(30), () -> kafka.latest(Topics.STORE_SETTINGS, target.key(),
                        record -> record.value() != null && record.value().contains(MARKER_FOLDER)));
        assertEquals(before.snapshotVersion() + 1, snapshotVersion(marker), "one new snapshot version, the marker's");
        assertEquals(before.storeSettingsRecords() + 1, kafka.totalRecords(Topics.STORE_SETTINGS),
                "nothing but the marker on " + Topics.STORE_SETTINGS);
        assertEquals(before.importRequestRecords(), kafka.totalRecords(Topics.IMPORT_REQUESTS),
                "nothing on " + Topics.IMPORT_REQUESTS);
        System.out.println("[bad-input] after tables 1 and 2: settings, connection and folders unchanged; snapshot "
                + "version " + before.snapshotVersion() + " -> " + snapshotVersion(marker) + " (the marker only); "
                + "nothing published on " + Topics.IMPORT_REQUESTS);
    }

    @Test
    @Order(5)
    void malformedRecordsAreDeadLetteredAndTheConsumersGoOn() throws InterruptedException {
        assertAllDocumented(malformedRecords.run());
    }

    @Test
    @Order(6)
    void everyServiceIsUpAndNothingElseIsDeadLettered() {
        Map<String, String> health = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            health.put(service.module(), healthOf(system.baseUrl(service)));
        }
        health.put("cartcom-sandbox", healthOf(system.sandboxUrl()));
        health.forEach((service, state) -> System.out.println("[bad-input] health of " + service + ": " + state));
        assertTrue(health.values().stream().allMatch("UP"::equals), "every service UP: " + health);

        List<MalformedRecords.Sent> sent = malformedRecords.sent();
        List<DeadLetterLog.DeadLetter> unexpected = deadLetters.all().stream()
                .filter(letter -> sent.stream().noneMatch(record ->
                        letter.isFrom(record.topic().topic, record.partition(), record.offset())))
                .toList();
        assertTrue(unexpected.isEmpty(), "dead letters no bad record explains: " + unexpected);

        int orders = 1 + malformedRecords.roundsThrough();
        assertEquals(orders, target.orderDesk.orders(target.store).path("total").asInt(),
                "each round's order imported once, nothing else");
    }

    private static void assertAllDocumented(ResultTable table) {
        table.print();
        List<String> failures = table.failures();
        assertTrue(failures.isEmpty(), failures.size() + " rows did not get their documented answer:\n  "
                + failures.stream().collect(Collectors.joining("\n  ")));
    }

    /** "UP", or what is down: each failed check's failing entries, on one line. */
    private static String healthOf(String baseUrl) {
        JsonHttp.Response health = new JsonHttp(baseUrl, Map.of()).get("/q/health");
        if (health.status() == 200) {
            return health.body().path("status").asText();
        }
        List<String> down = new ArrayList<>();
        for (JsonNode check : health.body().path("checks")) {
            check.path("data").fields().forEachRemaining(entry -> {
                if (entry.getValue().asText().startsWith("[KO]")) {
                    down.add(entry.getKey() + " " + entry.getValue().asText());
                }
            });
        }
        return "HTTP " + health.status() + " DOWN: "
                + (down.isEmpty() ? health.raw() : String.join("; ", down.stream().distinct().toList()));
    }

    private static JsonNode get(String path) {
        return target.settingsApi().get(path).expect(200, path);
    }

    private static ConsumerRecord<String, String> latestSnapshot() {
        Optional<ConsumerRecord<String, String>> latest = kafka.latest(Topics.STORE_SETTINGS, target.key(),
                record -> record.value() != null);
        return latest.orElseThrow(() -> new IllegalStateException("no snapshot of the target store"));
    }

    private static long snapshotVersion(ConsumerRecord<String, String> snapshot) {
        try {
            return Json.mapper().readTree(snapshot.value()).path("version").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
