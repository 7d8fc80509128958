package com.orderdesk.cartcom.importer.rest;

import com.orderdesk.cartcom.importer.entity.JsonColumns;
import com.orderdesk.cartcom.importer.entity.OrderShipment;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A shipment as Order Desk shows it in {@code order_shipments[]} and answers to POST .../shipments. */
public record ShipmentView(long id, long orderId, String trackingNumber, String carrierCode, String shipmentMethod,
                           String trackingUrl, Instant dateShipped, List<Map<String, Object>> items) {
    static ShipmentView of(OrderShipment shipment) {
        return new ShipmentView(shipment.id, shipment.orderId, shipment.trackingNumber, shipment.carrierCode,
                shipment.shipmentMethod, shipment.trackingUrl, shipment.dateShipped, JsonColumns.readList(shipment.items));
    }
}
