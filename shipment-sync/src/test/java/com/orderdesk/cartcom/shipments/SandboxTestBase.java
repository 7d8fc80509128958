package com.orderdesk.cartcom.shipments;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.devstack.CartcomSandbox;
import com.orderdesk.cartcom.devstack.CartcomSandboxTestResource;
import com.orderdesk.cartcom.devstack.DevStack;
import com.orderdesk.cartcom.devstack.DevStackTestResource;
import com.orderdesk.cartcom.devstack.SandboxControl;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.shipments.SandboxFixtures.Order;
import com.orderdesk.cartcom.shipments.SandboxFixtures.Store;
import com.orderdesk.cartcom.shipments.repository.ShipmentState;
import com.orderdesk.cartcom.shipments.repository.ShipmentSyncRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The service in the test JVM with the devstack's real Kafka and PostgreSQL, and Cart.com played by the packaged
 * sandbox over HTTP. Tests publish on the real topics and look at what a merchant would see: the Cart.com order
 * in the sandbox, the sandbox's call log and the activity topic. Each test uses its own store.
 */
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = DevStack.SHIPMENTS_DB))
@QuarkusTestResource(value = CartcomSandboxTestResource.class, restrictToAnnotatedClass = false)
abstract class SandboxTestBase {
    static final Duration WAIT = Duration.ofSeconds(30);

    static TestKafka kafka;
    static SandboxControl sandbox;
    static SandboxFixtures fixtures;

    @Inject
    ShipmentSyncRepository shipments;

    @BeforeAll
    static void connect() {
        kafka = new TestKafka(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        sandbox = CartcomSandbox.control();
        fixtures = new SandboxFixtures(sandbox, kafka, TokenCrypto.fromConfig(
                ConfigProvider.getConfig().getValue("cartcom.token-keys", String.class),
                ConfigProvider.getConfig().getValue("cartcom.token-key-id", String.class)));
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    void awaitState(ShipmentCreated shipment, ShipmentState state) {
        await().atMost(WAIT).until(() -> shipments.stateOf(shipment.shipmentId()).equals(Optional.of(state)));
    }

    /**
     * Ships the whole of an order Cart.com has but the importer has not announced (yet): the shipment waits for the
     * order, and nothing reaches Cart.com meanwhile.
     */
    ShipmentCreated shipAndAwaitWaitingForOrder(Store store, Order order) {
        ShipmentCreated shipment = fixtures.ship(store, order, List.of());
        awaitState(shipment, ShipmentState.waiting_for_order);
        assertTrue(sandbox.calls(store.domain()).isEmpty(), "nothing sent while the order is unknown");
        return shipment;
    }

    /** The store's calls as the sandbox logged them: {@code [{at, method, path, query, status, fault}]}. */
    static List<JsonNode> calls(Store store, String method, String pathSuffix) {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode call : sandbox.calls(store.domain())) {
            if (call.path("method").asText().equals(method) && call.path("path").asText().endsWith(pathSuffix)) {
                matching.add(call);
            }
        }
        return matching;
    }

    static ActivityRecorded awaitActivity(Store store, String kind) {
        return awaitActivities(store, a -> a.kind().equals(kind), 1).get(0);
    }

    /** At least {@code count} activities of the store matching, oldest first. */
    static List<ActivityRecorded> awaitActivities(Store store, Predicate<ActivityRecorded> matching, int count) {
        List<ConsumerRecord<String, String>> found = kafka.read(Topics.INTEGRATION_ACTIVITY, r ->
                Long.toString(store.storeId()).equals(r.key())
                        && matching.test(EventCodec.read(r.value(), ActivityRecorded.class)), count, WAIT);
        assertTrue(found.size() >= count, "activities for store " + store.storeId() + ": " + found.size());
        return found.stream().map(r -> EventCodec.read(r.value(), ActivityRecorded.class)).toList();
    }

    /** Every activity of the store so far, read for {@code within}. */
    static List<ActivityRecorded> activities(Store store, Duration within) {
        return kafka.read(Topics.INTEGRATION_ACTIVITY, r -> Long.toString(store.storeId()).equals(r.key()),
                Integer.MAX_VALUE, within).stream().map(r -> EventCodec.read(r.value(), ActivityRecorded.class)).toList();
    }
}
