package com.orderdesk.cartcom.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.sandbox.store.ShipmentUpsert;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a POST /order_shipments body into a ShipmentUpsert. */
final class ShipmentRequestReader {

    /** Fields a client may set; ids, timestamps and the order link are the store's. */
    private static final Set<String> WRITABLE = Set.of("shipped_at", "tracking_numbers", "tracking_url",
            "shipping_method", "shipping_method_id", "number_of_packages", "total_weight",
            "provider_base_shipping_cost", "provider_insurance_cost", "provider_handling_cost",
            "provider_other_charges", "provider_total_shipping_cost", "email_sent", "private_comment",
            "shipping_comment", "shipping_method_type", "shipping_provider_name");

    private ShipmentRequestReader() {
    }

    static ShipmentUpsert read(JsonNode body, ZoneId zone) {
        Long id = optionalLong(body, "id");
        Long orderId = optionalLong(body, "order_id");
        if (orderId == null) {
            throw CartcomException.badRequest("order_id is required");
        }
        String name = body.hasNonNull("shipment_name") && !body.get("shipment_name").asText().isBlank()
                ? body.get("shipment_name").asText().trim() : null;
        Map<String, Object> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (WRITABLE.contains(field.getKey())) {
                values.put(field.getKey(), value(field.getKey(), field.getValue(), zone));
            }
        }
        List<ShipmentUpsert.Line> lines = null;
        JsonNode items = body.get("items");
        if (items != null && !items.isNull()) {
            if (!items.isArray()) {
                throw CartcomException.badRequest("items must be an array of {id, quantity_shipped}");
            }
            lines = new ArrayList<>();
            for (JsonNode item : items) {
                Long itemId = optionalLong(item, "id");
                if (itemId == null) {
                    throw CartcomException.badRequest("items[].id (the order item id) is required");
                }
                Long quantity = optionalLong(item, "quantity_shipped");
                lines.add(new ShipmentUpsert.Line(itemId, quantity == null ? null : quantity.intValue()));
            }
        }
        return new ShipmentUpsert(id, orderId, name, values, lines);
    }

    private static Object value(String name, JsonNode node, ZoneId zone) {
        if (node.isNull()) {
            return null;
        }
        if (name.equals("shipped_at")) {
            return CartcomDates.parse(node.asText(), zone);
        }
        if (name.equals("tracking_numbers") && node.isArray()) {
            // The API takes one string; join a list the way merchants type several numbers.
            List<String> numbers = new ArrayList<>();
            node.forEach(n -> numbers.add(n.asText()));
            return String.join(",", numbers);
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.asText();
    }

    private static Long optionalLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        try {
            return Long.parseLong(value.asText().trim());
        } catch (NumberFormatException e) {
            throw CartcomException.badRequest(field + " must be an integer");
        }
    }
}
