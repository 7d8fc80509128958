package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.importer.entity.ImportedOrder;
import com.orderdesk.cartcom.importer.entity.JsonColumns;
import com.orderdesk.cartcom.importer.entity.OrderItem;
import com.orderdesk.cartcom.importer.entity.OrderShipment;
import com.orderdesk.cartcom.importer.entity.PendingStatusUpdate;
import com.orderdesk.cartcom.importer.mapping.CartcomValues;
import com.orderdesk.cartcom.importer.rest.ShipmentInput;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.model.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records a shipment on an imported order and announces it (ShipmentCreated, through the outbox in the same
 * transaction); shipment-sync takes it from there to Cart.com.
 */
@ApplicationScoped
public class ShipmentService {
    static final int MAX_TEXT = 100;
    static final int MAX_URL = 2000;

    @Inject
    Outbox outbox;

    /** Returns the new shipment, or null when the order is not in the store. */
    @Transactional
    public OrderShipment record(long storeId, long orderId, ShipmentInput input) {
        ImportedOrder order = ImportedOrder.findInStore(storeId, orderId);
        if (order == null) {
            return null;
        }
        Map<Long, OrderItem> items = OrderItem.ofOrder(orderId).stream()
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        Map<String, String> errors = new LinkedHashMap<>();
        String tracking = required(input == null ? null : input.trackingNumber(), "tracking_number", errors);
        String carrier = required(input == null ? null : input.carrierCode(), "carrier_code", errors);
        if (input == null) {
            throw new InvalidShipmentException(errors);
        }
        String method = optional(input.shipmentMethod(), "shipment_method", MAX_TEXT, errors);
        String url = optional(input.trackingUrl(), "tracking_url", MAX_URL, errors);
        if (url != null && !isHttpUrl(url)) {
            errors.put("tracking_url", "must be an absolute http or https URL");
        }
        Instant shipped = null;
        if (input.dateShipped() != null && !input.dateShipped().isBlank()) {
            shipped = CartcomValues.parseInstant(input.dateShipped().trim(), ZoneOffset.UTC);
            if (shipped == null) {
                errors.put("date_shipped", "must be an ISO-8601 date or date-time");
            }
        }
        List<ShipmentCreated.Item> shippedItems = items(input.items(), items, errors);
        if (!errors.isEmpty()) {
            throw new InvalidShipmentException(errors);
        }

        OrderShipment shipment = new OrderShipment();
        shipment.orderId = orderId;
        shipment.storeId = storeId;
        shipment.trackingNumber = tracking;
        shipment.carrierCode = carrier;
        shipment.shipmentMethod = method;
        shipment.trackingUrl = url;
        shipment.dateShipped = shipped;
        shipment.items = JsonColumns.write(shippedItems.stream()
                .map(i -> Map.of("order_item_id", i.orderItemId(), "quantity", i.quantity())).toList());
        shipment.persist();
        order.dateUpdated = Instant.now();
        PendingStatusUpdate.checkFirstForOrder(orderId);

        outbox.add(Topics.SHIPMENTS_CREATED, ShipmentCreated.of(storeId, shipment.id, orderId, tracking, carrier,
                method, url, shipped, shippedItems));
        return shipment;
    }

    private static List<ShipmentCreated.Item> items(List<ShipmentInput.Item> requested, Map<Long, OrderItem> items,
                                                    Map<String, String> errors) {
        List<ShipmentCreated.Item> out = new ArrayList<>();
        if (requested == null) {
            return out;
        }
        for (int i = 0; i < requested.size(); i++) {
            ShipmentInput.Item item = requested.get(i);
            String prefix = "items[" + i + "].";
            if (item == null || item.orderItemId() == null) {
                errors.put(prefix + "order_item_id", "is required");
                continue;
            }
            OrderItem line = items.get(item.orderItemId());
            if (line == null) {
                errors.put(prefix + "order_item_id", "is not an item of this order");
                continue;
            }
            if (item.quantity() == null || item.quantity() < 1) {
                errors.put(prefix + "quantity", "must be at least 1");
            } else if (item.quantity() > line.quantity) {
                errors.put(prefix + "quantity", "must not exceed the ordered quantity " + line.quantity);
            } else {
                out.add(new ShipmentCreated.Item(line.id, item.quantity()));
            }
        }
        return out;
    }

    private static String required(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "is required");
            return null;
        }
        return optional(value, field, MAX_TEXT, errors);
    }

    private static String optional(String value, String field, int max, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            errors.put(field, "must be at most " + max + " characters");
        }
        return trimmed;
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
