package com.orderdesk.cartcom.shipments.service;

import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.OrderImported;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.shipments.repository.ImportedOrderRepository;
import com.orderdesk.cartcom.shipments.repository.ShipmentState;
import com.orderdesk.cartcom.shipments.repository.ShipmentSyncRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Takes in the importer's two events on an order: ShipmentCreated becomes a shipment_sync row (pending when its
 * order is known, else waiting for the order), OrderImported remembers which Cart.com order an Order Desk order came
 * from and frees the shipments that waited for it. Both take the order's lock first, so neither can miss the other.
 * Shipment and order ids are keys, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class ShipmentIntake {
    private static final Logger LOG = Logger.getLogger(ShipmentIntake.class);

    private final ImportedOrderRepository orders;
    private final ShipmentSyncRepository shipments;

    ShipmentIntake(ImportedOrderRepository orders, ShipmentSyncRepository shipments) {
        this.orders = orders;
        this.shipments = shipments;
    }

    @Transactional
    public boolean recordShipment(ShipmentCreated event) {
        shipments.lockOrder(event.orderId());
        ShipmentState state = orders.exists(event.orderId()) ? ShipmentState.pending : ShipmentState.waiting_for_order;
        return shipments.insertIfAbsent(event.shipmentId(), event.storeId(), event.orderId(), EventCodec.write(event),
                state);
    }

    @Transactional
    public void recordOrder(OrderImported event) {
        shipments.lockOrder(event.orderId());
        boolean isNew = orders.insertIfAbsent(event);
        int released = shipments.releaseWaiting(event.orderId());
        if (isNew || released > 0) {
            LOG.debugf("order %d of store %d is Cart.com order %d; %d waiting shipment(s) released",
                    event.orderId(), event.storeId(), event.cartOrderId(), released);
        }
    }
}
