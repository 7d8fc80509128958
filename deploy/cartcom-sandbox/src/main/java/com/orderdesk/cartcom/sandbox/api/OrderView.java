package com.orderdesk.cartcom.sandbox.api;

import com.orderdesk.cartcom.sandbox.store.StoreData;
import com.orderdesk.cartcom.sandbox.store.StoredOrder;
import com.orderdesk.cartcom.sandbox.store.StoredShipment;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An order's raw JSON with the nested collections the client asked to expand. */
public final class OrderView {

    /** The only collections the live API expands on an order (field notes). */
    public static final Set<String> NESTED = Set.of("items", "payments", "shipments", "custom_fields");

    private OrderView() {
    }

    /** Callers hold the store's read lock. */
    public static Map<String, Object> raw(StoreData data, StoredOrder order, Set<String> expansions) {
        Map<String, Object> json = new LinkedHashMap<>(order.fields);
        for (String name : List.of("items", "payments", "shipments", "custom_fields")) {
            if (expansions.contains(name)) {
                json.put(name, nested(data, order, name));
            }
        }
        return json;
    }

    /**
     * The order as the Cart.com API shows it: {@link #raw} bent by its real-world listing shapes (odd dates shown
     * as such; on a list page, no items when the order is one whose list expansion the store ignores).
     */
    public static Map<String, Object> shown(StoreData data, StoredOrder order, Set<String> expansions, boolean listPage,
                                            ZoneId zone) {
        Map<String, Object> json = raw(data, order, expansions);
        order.shownAs.forEach((field, odd) -> json.put(field, odd.shown((Instant) order.fields.get(field), zone)));
        if (listPage && order.itemsNotListed) {
            json.remove("items");
        }
        return json;
    }

    /** One nested collection, or null when the name is not one of an order's collections. */
    public static List<Map<String, Object>> nested(StoreData data, StoredOrder order, String name) {
        return switch (name) {
            case "items" -> copy(order.items);
            case "payments" -> copy(order.payments);
            case "custom_fields" -> copy(order.customFields);
            case "shipments" -> {
                List<Map<String, Object>> shipments = new ArrayList<>();
                for (long id : order.shipmentIds) {
                    shipments.add(new LinkedHashMap<>(data.shipments.get(id).fields));
                }
                yield shipments;
            }
            default -> null;
        };
    }

    /** A shipment with its shipped lines, as /order_shipments?expand=items shows it. */
    public static Map<String, Object> shipment(StoredShipment shipment, boolean withItems) {
        Map<String, Object> json = new LinkedHashMap<>(shipment.fields);
        if (withItems) {
            json.put("items", copy(shipment.items));
        }
        return json;
    }

    private static List<Map<String, Object>> copy(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(new LinkedHashMap<>(r)));
        return out;
    }
}
