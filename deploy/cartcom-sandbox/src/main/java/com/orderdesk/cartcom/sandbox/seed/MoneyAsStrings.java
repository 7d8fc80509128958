package com.orderdesk.cartcom.sandbox.seed;

import com.orderdesk.cartcom.sandbox.store.StoredOrder;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites an order's money fields (prices, totals, taxes, shipping, fees, payment amounts) as JSON strings such as
 * "12.50", the shape some live stores answer with (issue 16). Weights and quantities stay numbers.
 */
final class MoneyAsStrings {
    private static final Set<String> ORDER_FIELDS = Set.of("subtotal", "tax_total", "shipping_total", "discount_total",
            "grand_total", "cost_total", "handling_total", "additional_fees", "discounted_shipping_total",
            "manufacturer_invoice_amount", "delivery_tax");
    private static final Set<String> ITEM_FIELDS = Set.of("price", "cost", "tax", "discount_amount");
    private static final Set<String> PAYMENT_FIELDS = Set.of("amount");

    private MoneyAsStrings() {
    }

    static void apply(StoredOrder order) {
        asStrings(order.fields, ORDER_FIELDS);
        order.items.forEach(item -> asStrings(item, ITEM_FIELDS));
        order.payments.forEach(payment -> asStrings(payment, PAYMENT_FIELDS));
    }

    private static void asStrings(Map<String, Object> record, Set<String> names) {
        for (String name : names) {
            if (record.get(name) instanceof BigDecimal amount) {
                record.put(name, amount.toPlainString());
            }
        }
    }
}
