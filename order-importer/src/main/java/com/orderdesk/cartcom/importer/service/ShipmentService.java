package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.importer.entity.ImportedOrder;
import com.orderdesk.cartcom.importer.entity.JsonColumns;
import com.orderdesk.cartcom.importer.entity.OrderShipment;
import com.orderdesk.cartcom.importer.entity.PendingStatusUpdate;
import com.orderdesk.cartcom.importer.rest.ShipmentInput;
import com.orderdesk.cartcom.kit.cartcom.CartcomDates;
import com.orderdesk.cartcom.kit.outbox.Outbox;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.model.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Records a shipment on an imported order and announces it (ShipmentCreated, through the outbox in the same
 * transaction); shipment-sync takes it from there to Cart.com.
 */
@ApplicationScoped
public class ShipmentService {
    private final Outbox outbox;

    ShipmentService(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Returns the new shipment, or null when the order is not in the store. The input is valid: its constraints and
     * {@link ShipmentRules} were checked (the items are items of the order, in at most their ordered quantities).
     */
    @Transactional
    public OrderShipment record(long storeId, long orderId, ShipmentInput input) {
        ImportedOrder order = ImportedOrder.findInStore(storeId, orderId);
        if (order == null) {
            return null;
        }
        Instant shipped = input.dateShipped() == null ? null
                : CartcomDates.instantOrNull(input.dateShipped(), ZoneOffset.UTC);
        List<ShipmentCreated.Item> items = input.items() == null ? List.of() : input.items().stream()
                .map(item -> new ShipmentCreated.Item(item.orderItemId(), item.quantity())).toList();
        OrderShipment shipment = new OrderShipment();
        shipment.orderId = orderId;
        shipment.storeId = storeId;
        shipment.trackingNumber = input.trackingNumber();
        shipment.carrierCode = input.carrierCode();
        shipment.shipmentMethod = input.shipmentMethod();
        shipment.trackingUrl = input.trackingUrl();
        shipment.dateShipped = shipped;
        shipment.items = JsonColumns.write(items.stream()
                .map(i -> Map.of("order_item_id", i.orderItemId(), "quantity", i.quantity())).toList());
        shipment.persist();
        order.dateUpdated = Instant.now();
        PendingStatusUpdate.checkFirstForOrder(orderId);

        outbox.add(Topics.SHIPMENTS_CREATED, ShipmentCreated.of(storeId, shipment.id, orderId, input.trackingNumber(),
                input.carrierCode(), input.shipmentMethod(), input.trackingUrl(), shipped, items));
        return shipment;
    }
}
