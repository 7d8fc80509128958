package com.orderdesk.cartcom.shipments.service;

import com.orderdesk.cartcom.model.cartcom.ShipmentRequest;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.shipments.repository.ImportedOrder;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds Cart.com's shipment body from an Order Desk shipment and the order's item mapping. */
public final class ShipmentRequestMapper {
    private static final String NAME_PREFIX = "OD-SHIP-";

    private final Clock clock;

    public ShipmentRequestMapper(Clock clock) {
        this.clock = clock;
    }

    /**
     * The shipment's name at Cart.com. Cart.com updates the shipment of that name instead of adding another, so
     * every retry and redelivery of one Order Desk shipment lands on the same Cart.com shipment.
     */
    public static String shipmentName(long shipmentId) {
        return NAME_PREFIX + shipmentId;
    }

    /**
     * {@code providerName}: the carrier as the store names it ({@link CarrierNames}). {@code storeZone}: the shipped
     * date goes with the store's own offset, the day the merchant chose as the store shows it (the importer reads a bare
     * date as noon there).
     *
     * @throws UnmappableShipmentException when a shipped item has no Cart.com counterpart
     */
    public ShipmentRequest map(ShipmentCreated shipment, ImportedOrder order, String providerName, ZoneId storeZone) {
        OffsetDateTime shippedAt = (shipment.dateShipped() != null ? shipment.dateShipped() : clock.instant())
                .atZone(storeZone).toOffsetDateTime();
        return new ShipmentRequest(order.cartOrderId(), shipmentName(shipment.shipmentId()), shippedAt,
                shipment.trackingNumber(), shipment.trackingUrl(), shipment.shipmentMethod(),
                providerName, items(shipment, order));
    }

    private static List<ShipmentRequest.Item> items(ShipmentCreated shipment, ImportedOrder order) {
        List<ShipmentRequest.Item> items = new ArrayList<>();
        if (shipment.items().isEmpty()) {
            // No items named: the whole order shipped, every Cart.com item in its ordered quantity.
            for (ImportedOrder.Item item : order.items()) {
                if (item.cartItemId() != null) {
                    items.add(new ShipmentRequest.Item(item.cartItemId(), item.quantity()));
                }
            }
            return items;
        }
        Map<Long, ImportedOrder.Item> byOrderItem = order.items().stream()
                .collect(Collectors.toMap(ImportedOrder.Item::orderItemId, Function.identity()));
        for (ShipmentCreated.Item shipped : shipment.items()) {
            ImportedOrder.Item item = byOrderItem.get(shipped.orderItemId());
            if (item == null || item.cartItemId() == null) {
                throw new UnmappableShipmentException("order item " + shipped.orderItemId() + " of order "
                        + order.orderId() + " has no Cart.com item");
            }
            items.add(new ShipmentRequest.Item(item.cartItemId(), shipped.quantity()));
        }
        return items;
    }

    /** A shipment that can never be expressed in Cart.com's terms; retrying would not help. */
    public static class UnmappableShipmentException extends RuntimeException {
        public UnmappableShipmentException(String message) {
            super(message);
        }
    }
}
