package com.orderdesk.cartcom.shipments;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.devstack.CartcomSandbox;
import com.orderdesk.cartcom.devstack.DevStack;
import com.orderdesk.cartcom.devstack.FreePorts;
import com.orderdesk.cartcom.devstack.KafkaBroker;
import com.orderdesk.cartcom.devstack.SandboxControl;
import com.orderdesk.cartcom.devstack.ServiceProcess;
import com.orderdesk.cartcom.devstack.SharedStack;
import com.orderdesk.cartcom.devstack.StackEndpoints;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.shipments.SandboxFixtures.Order;
import com.orderdesk.cartcom.shipments.SandboxFixtures.Store;
import com.orderdesk.cartcom.shipments.SandboxFixtures.StoreSetup;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged service as a process, killed (SIGKILL) after Cart.com applied its shipment POST but before the
 * answer came back, so the outcome was never committed. After a restart the shipment is sent again: Cart.com
 * still holds one shipment (the repeat is an upsert on its name) while its call log shows the POST twice; a
 * shipment published while the service was down is sent too.
 */
class ShipmentSyncCrashIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TOKEN_KEYS = "it:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String TOKEN_KEY_ID = "it";

    private static StackEndpoints stack;
    private static TestKafka kafka;
    private static SandboxControl sandbox;
    private static SandboxFixtures fixtures;
    private static ServiceProcess service;

    @BeforeAll
    static void start() {
        stack = SharedStack.get(KafkaBroker.DEFAULT_PARTITIONS);
        kafka = new TestKafka(stack.bootstrapServers());
        sandbox = CartcomSandbox.control();
        fixtures = new SandboxFixtures(sandbox, kafka, TokenCrypto.fromConfig(TOKEN_KEYS, TOKEN_KEY_ID));
        int port = FreePorts.find();
        service = ServiceProcess.quarkusApp("shipment-sync", Path.of(""))
                .systemProperties(Map.ofEntries(
                        Map.entry("quarkus.http.port", Integer.toString(port)),
                        Map.entry("kafka.bootstrap.servers", stack.bootstrapServers()),
                        Map.entry("quarkus.datasource.jdbc.url", stack.jdbcUrl(DevStack.SHIPMENTS_DB)),
                        Map.entry("quarkus.datasource.username", stack.username()),
                        Map.entry("quarkus.datasource.password", stack.password()),
                        Map.entry("cartcom.base-url-template", CartcomSandbox.baseUrlTemplate()),
                        Map.entry("cartcom.allow-insecure-base-url", "true"),
                        Map.entry("quarkus.profile", "local"),
                        Map.entry("cartcom.token-keys", TOKEN_KEYS),
                        Map.entry("cartcom.token-key-id", TOKEN_KEY_ID),
                        // longer than the sandbox's hang: the process is mid-call when it is killed
                        Map.entry("cartcom.request-timeout", "PT60S"),
                        Map.entry("shipment-sync.worker-interval", "1s"),
                        Map.entry("shipment-sync.lease", "PT5S"),
                        Map.entry("shipment-sync.backoff.initial", "PT0.5S"),
                        Map.entry("shipment-sync.backoff.max", "PT2S")))
                .logFile(Path.of("target/shipment-sync-crash-it.log"))
                .start();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aCrashBetweenThePostAndItsCommitLeavesOneShipmentAndARestartResumes() throws Exception {
        Store store = fixtures.store(StoreSetup.syncing());
        Order order = fixtures.importedOrder(store);
        Order other = fixtures.importedOrder(store);
        // Cart.com applies the POST, then holds the answer for 20 s: the window in which the service dies.
        sandbox.setFaults(store.domain(), Map.of("timeout_rate", 1.0, "timeout_ms", 20_000));
        ShipmentCreated shipment = fixtures.ship(store, order, List.of());

        await().atMost(WAIT).until(() -> fixtures.cartShipments(store, order).size() == 1);
        service.kill();
        sandbox.clearFaults(store.domain());
        ShipmentCreated whileDown = fixtures.ship(store, other, List.of());

        service.start();
        await().atMost(WAIT).until(() -> fixtures.cartStatus(store, order) == SandboxFixtures.SHIPPED_STATUS
                && fixtures.cartShipments(store, other).size() == 1);
        // The killed call is logged when the sandbox finally answers it.
        await().atMost(WAIT).until(() -> sandbox.countCalls(store.domain(), "POST", "/order_shipments") == 3);

        List<JsonNode> cart = fixtures.cartShipments(store, order);
        assertEquals(1, cart.size(), "one Cart.com shipment despite two POSTs: " + cart);
        assertEquals(SandboxFixtures.shipmentName(shipment), cart.get(0).path("shipment_name").asText());
        assertEquals(SandboxFixtures.shipmentName(whileDown),
                fixtures.cartShipments(store, other).get(0).path("shipment_name").asText());
        await().atMost(WAIT).until(() -> "sent".equals(stateOf(shipment)) && "sent".equals(stateOf(whileDown)));
    }

    private static String stateOf(ShipmentCreated shipment) throws SQLException {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(DevStack.SHIPMENTS_DB),
                stack.username(), stack.password());
             PreparedStatement select = connection.prepareStatement(
                     "SELECT state FROM shipment_sync WHERE shipment_id = ?")) {
            select.setLong(1, shipment.shipmentId());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
