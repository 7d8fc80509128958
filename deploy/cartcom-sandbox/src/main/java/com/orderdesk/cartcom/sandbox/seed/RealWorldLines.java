package com.orderdesk.cartcom.sandbox.seed;

import com.orderdesk.cartcom.sandbox.store.StoreData;
import com.orderdesk.cartcom.sandbox.store.StoredOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bends a freshly placed order into the real-world shapes switched on for its store, then recomputes its totals the
 * way the storefront does: the subtotal sums every line (discount lines included), tax is charged on the taxable
 * lines, and the grand total is subtotal + tax + shipping + handling + additional fees + delivery tax - the
 * order-level discount. Callers hold the store's write lock.
 */
final class RealWorldLines {
    private static final BigDecimal OUNCES_PER_POUND = new BigDecimal("16");
    private static final BigDecimal KILOGRAMS_PER_POUND = new BigDecimal("0.45359237");

    private RealWorldLines() {
    }

    static void apply(StoreData data, StoredOrder order, Set<RealWorldShape> shapes, BigDecimal taxRate, Instant at) {
        if (shapes.isEmpty()) {
            return;
        }
        long orderId = order.id();
        if (shapes.contains(RealWorldShape.VARIANT_SKUS)) {
            order.items.forEach(item -> item.put("item_number_full", item.get("item_number") + "-BLU-L"));
        }
        if (shapes.contains(RealWorldShape.MIXED_WEIGHT_UNITS)) {
            // The same pounds, written in the unit each product happens to be set up with.
            String[] units = {"Oz", "Kg", "g", "Lbs"};
            for (int i = 0; i < order.items.size(); i++) {
                Map<String, Object> item = order.items.get(i);
                BigDecimal pounds = (BigDecimal) item.get("weight");
                String unit = units[i % units.length];
                item.put("weight_unit", unit);
                item.put("weight", switch (unit) {
                    case "Oz" -> pounds.multiply(OUNCES_PER_POUND);
                    case "Kg" -> pounds.multiply(KILOGRAMS_PER_POUND).setScale(4, RoundingMode.HALF_UP);
                    case "g" -> pounds.multiply(KILOGRAMS_PER_POUND).multiply(new BigDecimal("1000")).setScale(1, RoundingMode.HALF_UP);
                    default -> pounds;
                });
            }
        }
        if (shapes.contains(RealWorldShape.KIT_LINES)) {
            Map<String, Object> parent = line(data, orderId, "KIT-GIFTSET", "Gift set", "30.00", 1, "2.0", at);
            order.items.add(parent);
            for (String child : List.of("KIT-MUG", "KIT-TEA")) {
                Map<String, Object> part = line(data, orderId, child, "Gift set part " + child, "0.00", 1, "0", at);
                part.put("parent_order_item_id", parent.get("id"));
                part.put("is_quantity_bound_to_parent", true);
                order.items.add(part);
            }
        }
        if (shapes.contains(RealWorldShape.NON_SHIPPING_LINES)) {
            Map<String, Object> wrap = line(data, orderId, "GIFTWRAP", "Gift wrap", "3.99", 1, "0", at);
            wrap.put("is_non_shipping_item", true);
            order.items.add(wrap);
        }
        if (shapes.contains(RealWorldShape.DISCOUNT_LINES)) {
            Map<String, Object> coupon = line(data, orderId, "COUPON5", "Coupon SAVE5", "-5.00", 1, "0", at);
            coupon.put("is_discount_item", true);
            coupon.put("is_taxable", false);
            order.items.add(coupon);
            order.fields.put("coupon_code", "SAVE5");
        }
        if (shapes.contains(RealWorldShape.FEES)) {
            order.fields.put("additional_fees", new BigDecimal("2.50"));
            order.fields.put("delivery_tax", new BigDecimal("0.30"));
        }
        if (shapes.contains(RealWorldShape.NUMERIC_POSTAL_CODES)) {
            Object addressId = order.fields.get("order_shipping_address_id");
            Map<String, Object> address = data.addresses.get(((Number) addressId).longValue());
            address.put("postal_code", 2116);
            address.put("city", "Boston");
            address.put("state", "Massachusetts");
            address.put("state_code", "MA");
            address.put("country", "United States");
            address.put("country_code", "US");
        }
        retotal(order, taxRate);
        if (shapes.contains(RealWorldShape.MONEY_AS_STRINGS)) {
            // Last, once every total is computed: from here on the amounts are text, as such a store sends them.
            MoneyAsStrings.apply(order);
        }
    }

    private static Map<String, Object> line(StoreData data, long orderId, String sku, String name, String price,
                                            int quantity, String weight, Instant at) {
        OrderDraft.Item draft = new OrderDraft.Item(0, sku, name, new BigDecimal(price), quantity, new BigDecimal(weight),
                List.of(), null, null, name);
        return OrderFactory.item(data.itemIds.next(), orderId, draft, BigDecimal.ZERO, at);
    }

    private static void retotal(StoredOrder order, BigDecimal taxRate) {
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal taxable = BigDecimal.ZERO;
        for (Map<String, Object> item : order.items) {
            BigDecimal line = ((BigDecimal) item.get("price")).multiply(BigDecimal.valueOf(((Number) item.get("quantity")).longValue()));
            subtotal = subtotal.add(line);
            if (Boolean.TRUE.equals(item.get("is_taxable"))) {
                taxable = taxable.add(line);
                item.put("tax", line.multiply(taxRate).setScale(4, RoundingMode.HALF_UP));
            }
        }
        Map<String, Object> o = order.fields;
        subtotal = subtotal.setScale(2, RoundingMode.HALF_UP);
        BigDecimal tax = taxable.multiply(taxRate).setScale(2, RoundingMode.HALF_UP);
        o.put("subtotal", subtotal);
        o.put("tax_total", tax);
        o.put("grand_total", subtotal.add(tax).add(money(o, "shipping_total")).add(money(o, "handling_total"))
                .add(money(o, "additional_fees")).add(money(o, "delivery_tax")).subtract(money(o, "discount_total")));
    }

    private static BigDecimal money(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value instanceof BigDecimal decimal ? decimal : BigDecimal.ZERO;
    }
}
