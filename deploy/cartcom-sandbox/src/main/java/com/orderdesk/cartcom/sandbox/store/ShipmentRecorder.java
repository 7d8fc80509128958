package com.orderdesk.cartcom.sandbox.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates or updates a shipment the way POST /order_shipments does: an id, or a shipment_name already on
 * the order, selects the shipment to update; otherwise a new one is added. The order itself (status,
 * updated_at) is left alone: clients set the status in a separate call.
 */
public final class ShipmentRecorder {

    private static final List<String> DEFAULTS_ORDER = List.of("id", "order_id", "shipped_at", "tracking_numbers",
            "tracking_url", "shipping_method", "shipping_method_id", "number_of_packages", "total_weight",
            "provider_base_shipping_cost", "provider_insurance_cost", "provider_handling_cost",
            "provider_other_charges", "provider_total_shipping_cost", "email_sent", "private_comment",
            "shipping_comment", "created_at", "updated_at", "shipping_method_type", "shipment_name",
            "shipping_provider_name");

    private ShipmentRecorder() {
    }

    /** The outcome: created is false when an existing shipment was updated. */
    public record Result(boolean created, StoredShipment shipment) {
    }

    /** Callers hold the store's write lock. */
    public static Result upsert(StoreData data, ShipmentUpsert request, Instant now) {
        if (request.orderId() == null) {
            throw new ValidationException("order_id is required");
        }
        StoredOrder order = data.orders.get(request.orderId());
        if (order == null) {
            throw new ValidationException("Order " + request.orderId() + " does not exist");
        }
        List<Map<String, Object>> lines = request.lines() == null ? null : lines(order, request.lines());
        StoredShipment existing = findExisting(data, order, request);
        Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        boolean created = existing == null;
        StoredShipment shipment = created ? newShipment(data, order, at) : existing;
        shipment.fields.putAll(request.values());
        if (request.shipmentName() != null) {
            shipment.fields.put("shipment_name", request.shipmentName());
        }
        shipment.fields.put("updated_at", at);
        if (lines != null) {
            shipment.items.clear();
            shipment.items.addAll(lines);
        }
        if (created) {
            data.shipments.put(shipment.id(), shipment);
            order.shipmentIds.add(shipment.id());
        }
        return new Result(created, shipment);
    }

    private static StoredShipment findExisting(StoreData data, StoredOrder order, ShipmentUpsert request) {
        if (request.id() != null) {
            StoredShipment byId = data.shipments.get(request.id());
            if (byId == null || byId.orderId() != order.id()) {
                throw new ValidationException("Shipment " + request.id() + " does not exist on order " + order.id());
            }
            return byId;
        }
        if (request.shipmentName() == null) {
            return null;
        }
        for (long id : order.shipmentIds) {
            StoredShipment s = data.shipments.get(id);
            if (request.shipmentName().equalsIgnoreCase(String.valueOf(s.fields.get("shipment_name")).trim())) {
                return s;
            }
        }
        return null;
    }

    private static StoredShipment newShipment(StoreData data, StoredOrder order, Instant at) {
        StoredShipment s = new StoredShipment();
        for (String field : DEFAULTS_ORDER) {
            s.fields.put(field, null);
        }
        s.fields.put("id", data.shipmentIds.next());
        s.fields.put("order_id", order.id());
        s.fields.put("shipped_at", at);
        s.fields.put("tracking_numbers", "");
        s.fields.put("tracking_url", "");
        s.fields.put("shipping_method", order.fields.get("selected_shipping_method"));
        s.fields.put("shipping_method_id", 0);
        s.fields.put("provider_base_shipping_cost", "");
        s.fields.put("email_sent", false);
        s.fields.put("private_comment", "");
        s.fields.put("shipping_comment", "");
        s.fields.put("created_at", at);
        s.fields.put("shipping_method_type", "provider");
        // Cart.com numbers unnamed shipments per order: "1", "2", ...
        s.fields.put("shipment_name", String.valueOf(order.shipmentIds.size() + 1));
        s.fields.put("shipping_provider_name", "");
        return s;
    }

    private static List<Map<String, Object>> lines(StoredOrder order, List<ShipmentUpsert.Line> requested) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (ShipmentUpsert.Line line : requested) {
            Map<String, Object> item = order.items.stream()
                    .filter(i -> ((Number) i.get("id")).longValue() == line.orderItemId())
                    .findFirst()
                    .orElseThrow(() -> new ValidationException("Order item " + line.orderItemId()
                            + " is not on order " + order.id() + " (items[].id is an order item id, not a product id)"));
            int ordered = ((Number) item.get("quantity")).intValue();
            int quantity = line.quantityShipped() == null ? ordered : line.quantityShipped();
            if (quantity < 0 || quantity > ordered) {
                throw new ValidationException("quantity_shipped " + quantity + " for order item " + line.orderItemId()
                        + " must be between 0 and the " + ordered + " ordered");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", line.orderItemId());
            m.put("quantity_shipped", quantity);
            m.put("product_id", item.get("product_id"));
            m.put("item_name", item.get("item_name"));
            m.put("item_nr", item.get("item_number"));
            lines.add(m);
        }
        return lines;
    }
}
