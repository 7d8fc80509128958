package com.orderdesk.cartcom.sandbox.control;

import com.orderdesk.cartcom.sandbox.seed.OrderDraft;
import com.orderdesk.cartcom.sandbox.seed.OrderSeeder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds an order draft from a control request: a seeded draft, overridden by what the request names. */
final class OrderDrafts {

    private OrderDrafts() {
    }

    static OrderDraft from(OrderRequest r, OrderSeeder seeder, List<Map<String, Object>> knownCustomers, ZoneId zone) {
        OrderDraft d = seeder.draft(r.customer() == null ? knownCustomers : List.of());
        d.orderStatusId = r.orderStatusId();
        if (r.orderedAt() != null) {
            d.orderedAt = com.orderdesk.cartcom.sandbox.api.CartcomDates.parse(r.orderedAt(), zone);
        }
        if (r.customer() != null) {
            OrderDraft.Person random = seeder.newPerson();
            OrderRequest.Customer c = r.customer();
            d.existingCustomerId = null;
            d.customer = new OrderDraft.Person(or(c.firstName(), random.firstName()), or(c.lastName(), random.lastName()),
                    or(c.email(), random.email()), or(c.phone(), random.phone()), or(c.company(), ""));
            d.shipping = seeder.address(d.customer);
            d.billing = null;
        }
        if (r.items() != null && !r.items().isEmpty()) {
            d.items.clear();
            long nextProductId = 9000;
            for (OrderRequest.Item i : r.items()) {
                d.items.add(item(i, nextProductId++));
            }
        }
        if (r.giftMessage() != null) {
            d.giftMessage = r.giftMessage();
        }
        if (r.specialInstructions() != null) {
            d.specialInstructions = r.specialInstructions();
            d.instructions = r.specialInstructions();
        }
        if (r.customFields() != null) {
            d.customFields.clear();
            d.customFields.putAll(r.customFields());
        }
        if (r.shippingMethod() != null) {
            d.shippingMethod = r.shippingMethod();
        }
        if (r.shippingTotal() != null) {
            d.shippingTotal = r.shippingTotal();
        }
        return d;
    }

    static Instant orderedAt(Instant now, long maxSecondsBack, java.util.Random random) {
        return maxSecondsBack <= 0 ? null : now.minusSeconds((long) (random.nextDouble() * maxSecondsBack));
    }

    private static OrderDraft.Item item(OrderRequest.Item i, long fallbackProductId) {
        String sku = or(i.itemNumber(), "SKU-" + fallbackProductId);
        List<Map<String, Object>> variants = null;
        Long inventoryId = null;
        if (i.variant() != null && !i.variant().isBlank()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", Math.abs(i.variant().hashCode() % 1000) + 1);
            v.put("description", i.variant());
            v.put("variant_group_id", 1);
            variants = List.of(v);
            inventoryId = fallbackProductId * 10 + 1;
        }
        List<Map<String, Object>> personalizations = null;
        if (i.personalization() != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", 27);
            p.put("answer", i.personalization());
            personalizations = new ArrayList<>(List.of(p));
        }
        return new OrderDraft.Item(i.productId() == null ? fallbackProductId : i.productId(), sku,
                or(i.itemName(), sku), i.price() == null ? new BigDecimal("10.00") : i.price(),
                i.quantity() == null ? 1 : i.quantity(), i.weight() == null ? BigDecimal.ONE : i.weight(),
                variants, inventoryId, personalizations, or(i.itemName(), sku));
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
