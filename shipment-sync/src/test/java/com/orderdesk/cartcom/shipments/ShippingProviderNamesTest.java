package com.orderdesk.cartcom.shipments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.shipments.SandboxFixtures.Order;
import com.orderdesk.cartcom.shipments.SandboxFixtures.Store;
import com.orderdesk.cartcom.shipments.SandboxFixtures.StoreSetup;
import com.orderdesk.cartcom.shipments.repository.ShipmentState;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: carriers reach Cart.com under the store's own provider names (the sandbox's real-world
 * {@code provider_names}), the list is read once per store, not per shipment, and a store that will not show its
 * list (a token without Cart.com's settings scope) still gets its shipments, under the table's names.
 */
@QuarkusTest
class ShippingProviderNamesTest extends SandboxTestBase {

    @Test
    void carriersGoUnderTheStoresOwnNamesReadOncePerStore() {
        Store store = fixtures.store(StoreSetup.syncing().withoutStatus()
                .sandbox(Map.of("real_world", List.of("provider_names"))));
        Order first = fixtures.importedOrder(store);
        Order second = fixtures.importedOrder(store);
        ShipmentCreated ups = fixtures.ship(store, first, "ups");
        awaitState(ups, ShipmentState.sent);
        ShipmentCreated fedex = fixtures.ship(store, second, "FedEx");
        awaitState(fedex, ShipmentState.sent);

        assertEquals("United Parcel Service", providerOf(store, first));
        assertEquals("Fedex", providerOf(store, second));
        assertEquals(1, calls(store, "GET", "/shipping_providers").size(), "the list is read once, not per shipment");
    }

    @Test
    void aStoreThatRefusesItsListStillShipsUnderTheTablesNames() {
        Store store = fixtures.store(StoreSetup.syncing().withoutStatus()
                .sandbox(Map.of("real_world", List.of("all")))
                .tokenScopes(List.of("orders:read", "orders:write", "customers:read", "addresses:read", "statuses:read")));
        Order order = fixtures.importedOrder(store);
        ShipmentCreated shipment = fixtures.ship(store, order, "ups");
        awaitState(shipment, ShipmentState.sent);

        assertEquals("UPS", providerOf(store, order));
        assertEquals(403, calls(store, "GET", "/shipping_providers").get(0).path("status").asInt());
    }

    private static String providerOf(Store store, Order order) {
        return fixtures.cartShipments(store, order).get(0).path("shipping_provider_name").asText();
    }
}
