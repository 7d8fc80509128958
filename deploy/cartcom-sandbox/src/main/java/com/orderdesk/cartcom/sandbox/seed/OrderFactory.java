package com.orderdesk.cartcom.sandbox.seed;

import com.orderdesk.cartcom.sandbox.store.StoreData;
import com.orderdesk.cartcom.sandbox.store.StoredOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places a drafted order in a store: customer, addresses, items, payments and custom fields get ids,
 * totals are computed, and every record carries the fields of the Cart.com sample models.
 * Callers hold the store's write lock.
 */
public final class OrderFactory {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private OrderFactory() {
    }

    public static StoredOrder place(StoreData data, OrderDraft d, Instant now) {
        return place(data, d, now, Set.of());
    }

    /** The same, bent into the store's real-world shapes ({@link RealWorldLines}). */
    public static StoredOrder place(StoreData data, OrderDraft d, Instant now, Set<RealWorldShape> realWorld) {
        Instant touched = data.touch(now);
        // Merchants see ordered_at to the second; created_at keeps milliseconds, like the sample.
        Instant orderedAt = (d.orderedAt == null ? touched : d.orderedAt).truncatedTo(ChronoUnit.SECONDS);
        Instant createdAt = d.orderedAt == null ? touched : d.orderedAt.truncatedTo(ChronoUnit.MILLIS);
        long customerId = d.existingCustomerId != null && data.customers.containsKey(d.existingCustomerId)
                ? d.existingCustomerId : addCustomer(data, d, createdAt);
        long shippingId = addAddress(data, d.shipping, customerId, createdAt);
        long billingId = d.billing == null ? shippingId : addAddress(data, d.billing, customerId, createdAt);

        long orderId = data.orderIds.next();
        StoredOrder order = new StoredOrder();
        BigDecimal subtotal = ZERO;
        for (OrderDraft.Item item : d.items) {
            BigDecimal lineTotal = item.price().multiply(BigDecimal.valueOf(item.quantity()));
            subtotal = subtotal.add(lineTotal);
            order.items.add(item(data.itemIds.next(), orderId, item, lineTotal.multiply(d.taxRate), createdAt));
        }
        subtotal = subtotal.setScale(2, RoundingMode.HALF_UP);
        BigDecimal tax = subtotal.multiply(d.taxRate).setScale(2, RoundingMode.HALF_UP);
        BigDecimal shipping = d.shippingTotal.setScale(2, RoundingMode.HALF_UP);
        BigDecimal grandTotal = subtotal.add(tax).add(shipping);
        for (OrderDraft.Payment p : d.payments) {
            order.payments.add(payment(data.paymentIds.next(), orderId, customerId, p, grandTotal, d, createdAt));
        }
        d.customFields.forEach((name, value) -> {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", name);
            field.put("value", value);
            order.customFields.add(field);
        });
        long statusId = d.orderStatusId != null ? d.orderStatusId
                : data.statuses.containsKey(DefaultOrderStatuses.PENDING_PROCESSING)
                ? DefaultOrderStatuses.PENDING_PROCESSING : data.statuses.firstKey();

        Map<String, Object> o = order.fields;
        o.put("id", orderId);
        o.put("customer_id", customerId);
        o.put("customer_type_id", 0);
        o.put("adcode", "");
        o.put("ordered_at", orderedAt);
        o.put("order_status_id", statusId);
        o.put("special_instructions", d.specialInstructions);
        o.put("subtotal", subtotal);
        o.put("tax_total", tax);
        o.put("shipping_total", shipping);
        o.put("discount_total", ZERO);
        o.put("grand_total", grandTotal);
        o.put("cost_total", ZERO);
        o.put("selected_shipping_method", d.shippingMethod);
        o.put("ip_address", d.ipAddress);
        o.put("exported_to_accounting_system", 0);
        o.put("referrer", "");
        o.put("order_shipping_address_id", shippingId);
        o.put("order_billing_address_id", billingId);
        o.put("admin_comments", "");
        o.put("source", "[none]");
        o.put("search_phrase", "");
        o.put("is_ppc", false);
        o.put("ppc_keyword", "");
        o.put("store_id", 1);
        o.put("session_id", 300 + orderId % 1000);
        o.put("handling_total", ZERO);
        o.put("is_payment_order_only", false);
        o.put("selected_shipping_provider_service", d.shippingProviderService);
        o.put("additional_fees", ZERO);
        o.put("adcode_id", 0);
        o.put("updated_at", touched);
        o.put("created_at", createdAt);
        o.put("entered_by", d.customer.email());
        o.put("is_gift", !d.giftMessage.isEmpty());
        o.put("gift_message", d.giftMessage);
        o.put("public_comments", "");
        o.put("instructions", d.instructions);
        o.put("source_group", "");
        o.put("from_subscription_id", null);
        o.put("previous_order_status_id", 0);
        o.put("order_status_last_changed_at", createdAt);
        o.put("discounted_shipping_total", shipping);
        o.put("order_number", "");
        o.put("coupon_code", d.couponCode);
        o.put("order_type", "Order");
        o.put("expires_at", null);
        o.put("expires", false);
        o.put("from_quote_id", null);
        o.put("campaign_code", "");
        o.put("reward_points_credited", false);
        o.put("channel", "Online");
        o.put("device", "None");
        o.put("manufacturer_invoice_number", "");
        o.put("manufacturer_invoice_amount", ZERO);
        o.put("manufacturer_invoice_paid", false);
        o.put("sales_agent_user_id", 0);
        o.put("due_date", null);
        o.put("delivery_tax", ZERO);
        o.put("location_id", null);
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put("classification_code", "");
        selection.put("shipping_provider", d.shippingProvider);
        selection.put("shipping_method", d.shippingMethod);
        o.put("shipping_selections", List.of(selection));
        o.put("entered_by_type", "Customer");
        RealWorldLines.apply(data, order, realWorld, d.taxRate, createdAt);
        RealWorldListing.apply(order, data.orders.size() + 1, realWorld);
        data.orders.put(orderId, order);
        data.events().placed(data, order);
        return order;
    }

    private static long addCustomer(StoreData data, OrderDraft d, Instant at) {
        long id = data.customerIds.next();
        OrderDraft.Person p = d.customer;
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("customer_number", "");
        c.put("last_name", p.lastName());
        c.put("first_name", p.firstName());
        c.put("email", p.email());
        c.put("phone_number", p.phone());
        c.put("registered_at", at);
        c.put("last_visit_at", at);
        c.put("adcode", "");
        c.put("adcode_id", 0);
        c.put("affiliate_id", 0);
        c.put("customer_type_id", 0);
        c.put("is_no_tax_customer", false);
        c.put("comments", "");
        c.put("store_id", 1);
        c.put("source", "");
        c.put("search_string", "");
        c.put("no_account", false);
        c.put("sales_person", "");
        c.put("alternate_phone_number", "");
        c.put("is_affiliate_customer", false);
        c.put("updated_at", at);
        c.put("created_at", at);
        c.put("username", p.email());
        c.put("is_contact_information_only", false);
        c.put("tax_exemption_number", "");
        c.put("company", p.company());
        c.put("source_group", "");
        c.put("sales_person_user_id", 0);
        c.put("store_payment_methods_enabled", List.of());
        c.put("tax_rate", 0);
        c.put("lock_default_address", false);
        c.put("reward_tier_id", 0);
        c.put("payment_net_term", 0);
        c.put("credit_limit", ZERO);
        c.put("is_inactive", false);
        c.put("use_shared_credit_limit", false);
        c.put("override_shared_credit_limit", false);
        c.put("customer_payment_methods_availability", List.of());
        c.put("default_payment_type_name", "Credit Card");
        data.customers.put(id, c);
        return id;
    }

    private static long addAddress(StoreData data, OrderDraft.Address a, long customerId, Instant at) {
        long id = data.addressIds.next();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("customer_id", customerId);
        m.put("company", a.company());
        m.put("address_line_1", a.line1());
        m.put("address_line_2", a.line2());
        m.put("city", a.city());
        m.put("state", a.state());
        m.put("postal_code", a.postalCode());
        m.put("country", a.country());
        m.put("phone", a.phone());
        m.put("alternate_phone", "");
        m.put("fax", "");
        m.put("comments", "");
        m.put("updated_at", at);
        m.put("created_at", at);
        m.put("first_name", a.firstName());
        m.put("last_name", a.lastName());
        m.put("address_type", "Default");
        m.put("state_code", a.stateCode());
        m.put("country_code", a.countryCode());
        data.addresses.put(id, m);
        return id;
    }

    static Map<String, Object> item(long id, long orderId, OrderDraft.Item i, BigDecimal tax, Instant at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("order_id", orderId);
        m.put("product_id", i.productId());
        m.put("item_number", i.itemNumber());
        m.put("item_name", i.itemName());
        m.put("price", i.price());
        m.put("cost", ZERO);
        m.put("quantity", i.quantity());
        m.put("is_discount_item", false);
        m.put("weight", i.weight());
        m.put("is_taxable", true);
        m.put("weight_unit", "Lbs");
        m.put("is_non_shipping_item", false);
        m.put("variant_inventory_id", i.variantInventoryId());
        m.put("parent_order_item_id", null);
        m.put("is_quantity_bound_to_parent", false);
        m.put("updated_at", at);
        m.put("created_at", at);
        m.put("height", null);
        m.put("length", null);
        m.put("width", null);
        m.put("size_unit", "In");
        m.put("tax_code", "");
        m.put("item_number_full", i.itemNumber());
        m.put("admin_comments", "");
        m.put("do_not_discount", false);
        m.put("line_item_note", "");
        m.put("order_shipping_address_id", null);
        m.put("gift_message", "");
        m.put("delivery_date", null);
        m.put("discount_amount", new BigDecimal("0.0000"));
        m.put("discount_percentage", new BigDecimal("0.0000"));
        m.put("is_subscription_product", false);
        m.put("warehouse_id", 0);
        m.put("description", i.description());
        m.put("tax", tax.setScale(4, RoundingMode.HALF_UP));
        m.put("configuration", "");
        m.put("status", "");
        m.put("shipping_classification_code", "");
        m.put("variants", i.variants() == null ? List.of() : i.variants());
        m.put("personalizations", i.personalizations());
        return m;
    }

    private static Map<String, Object> payment(long id, long orderId, long customerId, OrderDraft.Payment p,
                                               BigDecimal grandTotal, OrderDraft d, Instant at) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean card = "CreditCard".equals(p.paymentType());
        m.put("id", id);
        m.put("customer_id", customerId);
        m.put("order_id", orderId);
        m.put("customer_payment_method_id", card ? 1 : 0);
        m.put("payment_method_id", 0);
        m.put("payment_type", p.paymentType());
        m.put("is_approved", p.approved());
        m.put("is_declined", false);
        m.put("card_type", p.cardType());
        m.put("card_expiration_month", card ? 12 : 0);
        m.put("card_expiration_year", card ? 2029 : 0);
        m.put("cardholder_name", card ? d.customer.firstName() + " " + d.customer.lastName() : "");
        m.put("paid_at", at);
        // The live API sends "" for an empty date; keep that quirk where a payment is not approved.
        m.put("approved_at", p.approved() ? at : "");
        m.put("authorization_code", p.approved() && card ? "A" + (100000 + id) : "");
        m.put("reject_reason", "");
        m.put("avs_code", card ? "Y" : "");
        m.put("payment_method_name", p.paymentMethodName());
        m.put("transaction_type", card ? "AuthAndCapture" : "None");
        m.put("amount", p.amount() == null ? grandTotal : p.amount());
        m.put("payment_note", "");
        m.put("updated_at", at);
        m.put("created_at", at);
        m.put("gift_certificate_id", null);
        m.put("is_captured", p.approved() && card);
        m.put("transaction_id", p.approved() ? "TX" + (7000000 + id) : "");
        m.put("last_four", p.lastFour());
        m.put("is_void", false);
        m.put("gateway_response_code", "");
        m.put("cvv_response_code", card ? "M" : "");
        m.put("payment_ref_num", "");
        m.put("store_method_payment_id", 0);
        return m;
    }
}
