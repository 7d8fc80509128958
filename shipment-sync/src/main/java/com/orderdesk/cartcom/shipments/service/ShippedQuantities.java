package com.orderdesk.cartcom.shipments.service;

import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.shipments.repository.ImportedOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Whether a set of shipments covers every Cart.com item of an order in its ordered quantity. */
public final class ShippedQuantities {

    private ShippedQuantities() {
    }

    /**
     * A shipment naming no items shipped the whole order. Items without a Cart.com counterpart are left out: they
     * can never appear in a Cart.com shipment, so they must not keep the order from counting as fully shipped.
     */
    public static boolean coverWholeOrder(ImportedOrder order, List<ShipmentCreated> shipments) {
        Map<Long, Long> shipped = new HashMap<>();
        for (ShipmentCreated shipment : shipments) {
            if (shipment.items().isEmpty()) {
                return true;
            }
            for (ShipmentCreated.Item item : shipment.items()) {
                shipped.merge(item.orderItemId(), (long) item.quantity(), Long::sum);
            }
        }
        return order.items().stream().filter(item -> item.cartItemId() != null)
                .allMatch(item -> shipped.getOrDefault(item.orderItemId(), 0L) >= item.quantity());
    }
}
