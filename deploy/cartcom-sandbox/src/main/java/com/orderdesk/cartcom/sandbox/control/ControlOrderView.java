package com.orderdesk.cartcom.sandbox.control;

import com.orderdesk.cartcom.sandbox.api.OrderView;
import com.orderdesk.cartcom.sandbox.api.ResourceJson;
import com.orderdesk.cartcom.sandbox.store.StoreData;
import com.orderdesk.cartcom.sandbox.store.StoredOrder;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An order for test assertions: everything expanded, shipments with their shipped lines, and the
 * addresses and customer inline (Cart.com itself only gives their ids).
 */
final class ControlOrderView {

    private ControlOrderView() {
    }

    /** Callers hold the store's lock. */
    static Map<String, Object> of(StoreData data, StoredOrder order, ZoneId zone) {
        Map<String, Object> raw = OrderView.raw(data, order, OrderView.NESTED);
        List<Map<String, Object>> shipments = new ArrayList<>();
        order.shipmentIds.forEach(id -> shipments.add(OrderView.shipment(data.shipments.get(id), true)));
        raw.put("shipments", shipments);
        raw.put("shipping_address", data.addresses.get(((Number) order.fields.get("order_shipping_address_id")).longValue()));
        raw.put("billing_address", data.addresses.get(((Number) order.fields.get("order_billing_address_id")).longValue()));
        raw.put("customer", data.customers.get(((Number) order.fields.get("customer_id")).longValue()));
        return ResourceJson.render(raw, zone);
    }
}
