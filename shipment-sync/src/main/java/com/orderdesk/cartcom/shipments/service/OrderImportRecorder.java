package com.orderdesk.cartcom.shipments.service;

import com.orderdesk.cartcom.model.events.OrderImported;
import com.orderdesk.cartcom.shipments.repository.ImportedOrderRepository;
import com.orderdesk.cartcom.shipments.repository.ShipmentSyncRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/** Remembers which Cart.com order an Order Desk order came from, and frees the shipments that waited for it. */
@ApplicationScoped
public class OrderImportRecorder {
    private static final Logger LOG = Logger.getLogger(OrderImportRecorder.class);

    private final ImportedOrderRepository orders;
    private final ShipmentSyncRepository shipments;

    OrderImportRecorder(ImportedOrderRepository orders, ShipmentSyncRepository shipments) {
        this.orders = orders;
        this.shipments = shipments;
    }

    @Transactional
    public void record(OrderImported event) {
        shipments.lockOrder(event.orderId());
        boolean isNew = orders.insertIfAbsent(event);
        int released = shipments.releaseWaiting(event.orderId());
        if (isNew || released > 0) {
            LOG.debugf("order %d of store %d is Cart.com order %d; %d waiting shipment(s) released",
                    event.orderId(), event.storeId(), event.cartOrderId(), released);
        }
    }
}
