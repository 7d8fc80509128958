package com.orderdesk.cartcom.shipments.service;

import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.shipments.repository.ImportedOrder;
import com.orderdesk.cartcom.shipments.repository.ShipmentSyncRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether "After Shipment, Set Status" is applied once a shipment is at Cart.com: never without a
 * status; after each shipment by default; with the store's {@code afterShipmentStatusWhen}
 * {@value StoreIntegrationChanged#AFTER_FULLY_SHIPPED} only when this shipment and those already sent cover the
 * whole order.
 */
@ApplicationScoped
public class AfterShipmentStatus {
    private final ShipmentSyncRepository shipments;

    AfterShipmentStatus(ShipmentSyncRepository shipments) {
        this.shipments = shipments;
    }

    /** The status to set now, or empty (no status configured, or the order is not fully shipped yet). */
    public Optional<Long> toSetAfter(ShipmentCreated shipment, ImportedOrder order, StoreIntegrationChanged store) {
        Long statusId = store.afterShipmentStatusId();
        if (statusId == null) {
            return Optional.empty();
        }
        if (!StoreIntegrationChanged.AFTER_FULLY_SHIPPED.equals(store.afterShipmentStatusWhen())) {
            return Optional.of(statusId);
        }
        List<ShipmentCreated> shipped = new ArrayList<>();
        for (String payload : shipments.sentPayloads(order.orderId(), shipment.shipmentId())) {
            shipped.add(EventCodec.read(payload, ShipmentCreated.class));
        }
        shipped.add(shipment);
        return ShippedQuantities.coverWholeOrder(order, shipped) ? Optional.of(statusId) : Optional.empty();
    }
}
