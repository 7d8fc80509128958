package com.orderdesk.cartcom.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/run-local}: starts the whole system, connects a demo store to a sandbox store seeded with
 * orders, ships one order, prints where to look, and runs until Ctrl-C, which stops every process it started.
 * With {@code KAFKA_SASL=true} in the environment the broker lets in only SASL/SCRAM clients, each service as its
 * own user ({@link LocalSystem.Options#kafkaSasl()}).
 */
public final class LocalRun {
    public static void main(String[] args) throws InterruptedException {
        Path repoRoot = Path.of(args.length > 0 ? args[0] : ".");
        Path dataDir = Path.of(args.length > 1 ? args[1] : ".devstack");
        // A merchant's shortest check interval: Cart.com's webhooks bring new orders within seconds, the interval poll
        // is the safety net for a webhook that never came.
        LocalSystem.Options options = new LocalSystem.Options(repoRoot, dataDir, false, "local-admin-token",
                Duration.ofMinutes(5)).withKafkaSasl(Boolean.parseBoolean(System.getenv("KAFKA_SASL")));

        say("Starting Kafka, PostgreSQL, the Cart.com sandbox and the four services (data in " + options.dataDir() + ")...");
        LocalSystem system = LocalSystem.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping everything...");
            system.close();
            say("Stopped.");
            stopped.countDown();
        }, "local-run-shutdown"));

        DemoStore demo = new DemoStore(system);
        say("Creating a demo store connected to a sandbox store with 5 orders...");
        DemoStore.Setup setup = demo.connectStoreWithOrders("Demo store", 5);
        List<JsonNode> imported = demo.awaitImported(setup, Duration.ofSeconds(90));
        JsonNode first = imported.get(0);
        long firstCartId = setup.cartOrderIds().get(0);
        demo.awaitCartStatus(setup, firstCartId, setup.settings().afterImportStatusId(), Duration.ofSeconds(60));
        JsonNode shipment = demo.shipFirstOrder(setup, first);
        String tracking = shipment.path("tracking_number").asText();
        demo.awaitCartShipment(setup, firstCartId, tracking, Duration.ofSeconds(60));

        printWhereToLook(system, setup, first, firstCartId, tracking);
        stopped.await();
    }

    private static void printWhereToLook(LocalSystem system, DemoStore.Setup setup, JsonNode first, long firstCartId,
                                         String tracking) {
        String store = Long.toString(setup.store().id());
        String headers = "-H 'ORDERDESK-STORE-ID: " + store + "' -H 'ORDERDESK-API-KEY: " + setup.store().apiKey() + "'";
        String sandbox = system.sandboxUrl() + "/_sandbox/stores/" + setup.cart().domain();
        say("");
        say("The system is running. " + setup.cartOrderIds().size() + " orders were imported from the sandbox store "
                + setup.cart().domain() + " into Order Desk store " + store + "; order " + first.path("source_id").asText()
                + " was shipped with tracking " + tracking + " and synced back.");
        say("");
        say("Imported orders (Order Desk):");
        say("  curl -s " + headers + " " + system.baseUrl(Service.IMPORTER) + "/api/v1/stores/" + store + "/orders");
        say("Integration status and activity:");
        say("  curl -s " + headers + " " + system.baseUrl(Service.SETTINGS) + "/api/v1/stores/" + store
                + "/integrations/cartcom/status");
        say("  curl -s " + headers + " " + system.baseUrl(Service.SETTINGS) + "/api/v1/stores/" + store
                + "/integrations/cartcom/activity");
        say("The order at Cart.com (after-import status, then the shipment and the after-shipment status):");
        say("  curl -s " + sandbox + "/orders/" + firstCartId);
        say("Every Cart.com call the integration made:");
        say("  curl -s " + sandbox + "/calls");
        say("Webhooks are on (the sandbox calls the poller when an order is placed or changes status): add an order at"
                + " the sandbox and see it in Order Desk within seconds, though the store is checked only every 5 minutes:");
        say("  curl -s -X POST -H 'Content-Type: application/json' -d '{\"count\":3,\"order_status_id\":"
                + setup.settings().downloadStatusId() + "}' " + sandbox + "/orders/seed");
        say("OpenAPI, Swagger UI and metrics of each service answer the admin token only (operators), e.g.:");
        say("  curl -s -H 'Authorization: Bearer " + system.options().adminToken() + "' "
                + system.baseUrl(Service.SETTINGS) + "/q/openapi");
        say("Logs: " + system.options().dataDir().resolve("logs"));
        if (system.options().kafkaSasl()) {
            Map<String, String> admin = system.stack().kafka().clientSecurity();
            say("Kafka (" + system.stack().bootstrapServers() + ") lets in only clients with security.protocol="
                    + admin.get("security.protocol") + " and sasl.mechanism=" + admin.get("sasl.mechanism")
                    + "; users and passwords: " + system.stack().kafka().home().resolve("scram-users.properties"));
        }
        say("");
        say("Press Ctrl-C to stop everything.");
    }

    private static void say(String line) {
        System.out.println(line);
    }

    private LocalRun() {
    }
}
