package com.orderdesk.cartcom.shipments;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.shipments.SandboxFixtures.Order;
import com.orderdesk.cartcom.shipments.SandboxFixtures.Store;
import com.orderdesk.cartcom.shipments.SandboxFixtures.StoreSetup;
import com.orderdesk.cartcom.shipments.repository.ShipmentState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A shipment on an order that never came from Cart.com (another sales channel of the same Order Desk store) waits
 * for an OrderImported that never comes, then is dropped without a word to the merchant and without a call.
 */
@QuarkusTest
@TestProfile(NeverImportedOrderTest.ShortOrderWait.class)
class NeverImportedOrderTest extends SandboxTestBase {

    public static class ShortOrderWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shipment-sync.order-wait-expiry", "PT3S", "shipment-sync.expiry-sweep-interval", "1s");
        }
    }

    @Test
    void aShipmentOfAnOrderFromAnotherChannelIsDroppedQuietly() {
        Store store = fixtures.store(StoreSetup.syncing());
        Order neverImported = fixtures.cartOrder(store);
        ShipmentCreated shipment = shipAndAwaitWaitingForOrder(store, neverImported);

        awaitState(shipment, ShipmentState.skipped);
        assertTrue(sandbox.calls(store.domain()).isEmpty(), "Cart.com was not called");
        assertTrue(activities(store, Duration.ofSeconds(3)).stream()
                        .noneMatch(a -> a.kind().startsWith("shipment")),
                "no shipment activity for an order that is not the integration's");
    }
}
