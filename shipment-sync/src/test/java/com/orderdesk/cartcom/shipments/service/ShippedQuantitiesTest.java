package com.orderdesk.cartcom.shipments.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.shipments.repository.ImportedOrder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShippedQuantitiesTest {
    /** Lines 1 (3 ordered) and 2 (1 ordered) are Cart.com items; line 3 was added in Order Desk only. */
    private static final ImportedOrder ORDER = new ImportedOrder(10, 1, 100, List.of(
            new ImportedOrder.Item(1, 501L, 3), new ImportedOrder.Item(2, 502L, 1), new ImportedOrder.Item(3, null, 5)));

    @Test
    void partialShipmentsCountOnlyOnceEveryCartLineIsCovered() {
        ShipmentCreated first = shipment(new ShipmentCreated.Item(1, 2));
        ShipmentCreated second = shipment(new ShipmentCreated.Item(1, 1));
        ShipmentCreated third = shipment(new ShipmentCreated.Item(2, 1));
        assertFalse(ShippedQuantities.coverWholeOrder(ORDER, List.of(first)));
        assertFalse(ShippedQuantities.coverWholeOrder(ORDER, List.of(first, second)), "line 2 still open");
        assertTrue(ShippedQuantities.coverWholeOrder(ORDER, List.of(first, second, third)),
                "the Order Desk-only line does not hold the order back");
    }

    @Test
    void aShipmentNamingNoItemsShipsTheWholeOrder() {
        assertTrue(ShippedQuantities.coverWholeOrder(ORDER, List.of(shipment())));
    }

    private static ShipmentCreated shipment(ShipmentCreated.Item... items) {
        return ShipmentCreated.of(1, 7, 10, "1Z", "UPS", null, null, Instant.now(), List.of(items));
    }
}
