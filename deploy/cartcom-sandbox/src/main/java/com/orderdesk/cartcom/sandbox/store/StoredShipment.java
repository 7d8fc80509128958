package com.orderdesk.cartcom.sandbox.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A shipment and the order-item lines it ships ({id, quantity_shipped, product_id, item_name, item_nr}). */
public final class StoredShipment {

    public final Map<String, Object> fields = new LinkedHashMap<>();
    public final List<Map<String, Object>> items = new ArrayList<>();

    public long id() {
        return ((Number) fields.get("id")).longValue();
    }

    public long orderId() {
        return ((Number) fields.get("order_id")).longValue();
    }
}
