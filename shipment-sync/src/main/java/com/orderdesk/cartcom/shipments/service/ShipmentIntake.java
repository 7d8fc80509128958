package com.orderdesk.cartcom.shipments.service;

import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.shipments.repository.ImportedOrderRepository;
import com.orderdesk.cartcom.shipments.repository.ShipmentState;
import com.orderdesk.cartcom.shipments.repository.ShipmentSyncRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Turns a ShipmentCreated event into a shipment_sync row: pending when its order is known, else waiting for the
 * order's OrderImported event. The shipment id is the key, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class ShipmentIntake {
    private final ImportedOrderRepository orders;
    private final ShipmentSyncRepository shipments;

    ShipmentIntake(ImportedOrderRepository orders, ShipmentSyncRepository shipments) {
        this.orders = orders;
        this.shipments = shipments;
    }

    @Transactional
    public boolean record(ShipmentCreated event) {
        shipments.lockOrder(event.orderId());
        ShipmentState state = orders.exists(event.orderId()) ? ShipmentState.pending : ShipmentState.waiting_for_order;
        return shipments.insertIfAbsent(event.shipmentId(), event.storeId(), event.orderId(), EventCodec.write(event),
                state);
    }
}
