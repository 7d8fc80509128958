package com.orderdesk.cartcom.importer.mapping;

import static com.orderdesk.cartcom.importer.mapping.CartcomValues.decimal;
import static com.orderdesk.cartcom.importer.mapping.CartcomValues.firstNonBlank;
import static com.orderdesk.cartcom.importer.mapping.CartcomValues.flag;
import static com.orderdesk.cartcom.importer.mapping.CartcomValues.id;
import static com.orderdesk.cartcom.importer.mapping.CartcomValues.money;
import static com.orderdesk.cartcom.importer.mapping.CartcomValues.nonBlank;
import static com.orderdesk.cartcom.importer.mapping.CartcomValues.quantity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.cartcom.kit.cartcom.CartcomDates;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.Folder;
import com.orderdesk.cartcom.model.events.MalformedEventException;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a fetched Cart.com order to an Order Desk order (CONTRACTS.md "Order Desk order JSON"), using the store's
 * settings as they are at import time: the folder and the order prefix. Pure: no I/O, so each field group is
 * unit-tested with real-shaped JSON. A record that can never map (ids missing or contradicting) is a
 * {@link MalformedEventException} and goes to the dead-letter topic.
 */
public final class CartOrderMapper {
    public static final String SOURCE_NAME = "Cart.com";
    static final String NOTE_AUTHOR = "Cart.com";
    private static final String DEFAULT_FOLDER_NAME = "New";

    public MappedOrder map(CartOrderFetched event, StoreIntegrationChanged store) {
        ObjectNode order = event.order();
        Long orderId = id(order, "id");
        if (orderId != null && orderId != event.cartOrderId()) {
            throw new MalformedEventException("order.id " + orderId + " does not match cartOrderId " + event.cartOrderId());
        }
        ZoneId zone = CartcomDates.zoneOf(store);
        List<MappedOrder.Item> items = items(order);
        // Coupon lines are counted in Cart.com's subtotal; Order Desk shows them as discount, not as products.
        BigDecimal discountLines = discountLines(order);
        Instant dateAdded = firstNonNull(CartcomValues.instant(order, "ordered_at", zone),
                CartcomValues.instant(order, "created_at", zone), event.fetchedAt(), event.occurredAt());

        return new MappedOrder(
                event.cartOrderId(),
                store.orderPrefix() + event.cartOrderId(),
                SOURCE_NAME,
                folderFor(store),
                email(event.customer(), event.billingAddress()),
                nonBlank(order, "selected_shipping_method"),
                items.stream().mapToInt(MappedOrder.Item::quantity).sum(),
                items.stream().map(i -> i.weight().multiply(BigDecimal.valueOf(i.quantity())))
                        .reduce(BigDecimal.ZERO, BigDecimal::add),
                money(order, "subtotal").add(discountLines),
                money(order, "shipping_total"),
                // Order Desk has no fees or delivery tax of its own: they join handling and tax, so the parts still
                // add up to the total.
                money(order, "handling_total").add(money(order, "additional_fees")),
                money(order, "tax_total").add(money(order, "delivery_tax")),
                money(order, "discount_total").add(discountLines),
                money(order, "grand_total"),
                paymentType(order.get("payments")),
                paymentStatus(order.get("payments")),
                dateAdded,
                shipping(event.shippingAddress()),
                customer(event.billingAddress(), event.customer()),
                items,
                notes(order),
                checkoutData(order.get("custom_fields")),
                metadata(order, event, store));
    }

    static long folderFor(StoreIntegrationChanged store) {
        if (store.folderId() != null) {
            return store.folderId();
        }
        return store.folders().stream().filter(f -> DEFAULT_FOLDER_NAME.equalsIgnoreCase(f.name()))
                .map(Folder::id).findFirst()
                .orElseThrow(() -> new MalformedEventException("store " + store.storeId() + " has no folder for new orders"));
    }

    static String email(JsonNode customer, JsonNode billing) {
        return firstNonBlank(nonBlank(customer, "email"), nonBlank(billing, "email"));
    }

    /** The shipping address record; codes are preferred to names, as Order Desk stores ISO codes. */
    static Map<String, String> shipping(JsonNode address) {
        return address(address, null);
    }

    /** The billing address, completed from the customer record where the address is silent. */
    static Map<String, String> customer(JsonNode billing, JsonNode customer) {
        return address(billing, customer);
    }

    private static Map<String, String> address(JsonNode address, JsonNode person) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("first_name", orEmpty(firstNonBlank(nonBlank(address, "first_name"), nonBlank(person, "first_name"))));
        out.put("last_name", orEmpty(firstNonBlank(nonBlank(address, "last_name"), nonBlank(person, "last_name"))));
        out.put("company", orEmpty(firstNonBlank(nonBlank(address, "company"), nonBlank(person, "company"))));
        out.put("address1", orEmpty(nonBlank(address, "address_line_1")));
        out.put("address2", orEmpty(nonBlank(address, "address_line_2")));
        out.put("city", orEmpty(nonBlank(address, "city")));
        out.put("state", orEmpty(firstNonBlank(nonBlank(address, "state_code"), nonBlank(address, "state"))));
        out.put("postal_code", orEmpty(postalCode(address)));
        out.put("country", orEmpty(firstNonBlank(nonBlank(address, "country_code"), nonBlank(address, "country"))));
        out.put("phone", orEmpty(firstNonBlank(nonBlank(address, "phone"), nonBlank(person, "phone_number"))));
        return out;
    }

    /**
     * Kept as text. Cart.com sends some postal codes as JSON numbers, which lose a US ZIP's leading zeros (Boston's
     * 02116 arrives as 2116): for a US address (or one without a country) a number of fewer than 5 digits is padded
     * back to 5, one of 6 to 8 digits to a ZIP+4 of 9. Text is kept as sent; other countries' numbers as written.
     */
    static String postalCode(JsonNode address) {
        String code = nonBlank(address, "postal_code");
        JsonNode raw = address == null ? null : address.get("postal_code");
        if (code == null || raw == null || !raw.isIntegralNumber() || !code.matches("[0-9]{1,8}")) {
            return code;
        }
        String country = firstNonBlank(nonBlank(address, "country_code"), nonBlank(address, "country"));
        boolean us = country == null || country.equalsIgnoreCase("US") || country.equalsIgnoreCase("USA")
                || country.equalsIgnoreCase("United States");
        if (!us || code.length() == 5) {
            return code;
        }
        if (code.length() < 5) {
            return "0".repeat(5 - code.length()) + code;
        }
        String nine = "0".repeat(9 - code.length()) + code;
        return nine.substring(0, 5) + "-" + nine.substring(5);
    }

    /**
     * The order's lines as Order Desk items. Discount lines ({@code is_discount_item}) are not products (see
     * {@link #discountLines}); kit children ({@code parent_order_item_id}) travel inside their parent, in its metadata
     * {@code cartcom_kit_items}, so the kit ships as one line; non-shipping lines are kept, marked
     * {@code cartcom_non_shipping}. The SKU is the variant's ({@code item_number_full}) where there is one; weights
     * are converted to pounds from their {@code weight_unit}.
     */
    static List<MappedOrder.Item> items(JsonNode order) {
        JsonNode items = order.get("items");
        List<MappedOrder.Item> mapped = new ArrayList<>();
        if (items == null || !items.isArray()) {
            return mapped;
        }
        Map<Long, List<Map<String, Object>>> kitParts = kitParts(items);
        int position = 0;
        for (JsonNode item : items) {
            position++;
            Long cartItemId = id(item, "id");
            if (cartItemId == null) {
                // shipment-sync maps shipped items back by this id; an item without one could never ship.
                throw new MalformedEventException("order item #" + position + " has no id");
            }
            if (flag(item, "is_discount_item") || isKitPart(item, kitParts)) {
                continue;
            }
            String code = itemCode(item);
            BigDecimal weight = ItemWeights.inPounds(decimal(item, "weight"), nonBlank(item, "weight_unit"));
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("cartcom_item_id", cartItemId);
            Long productId = id(item, "product_id");
            if (productId != null) {
                metadata.put("cartcom_product_id", productId);
            }
            if (flag(item, "is_non_shipping_item")) {
                metadata.put("cartcom_non_shipping", true);
            }
            if (kitParts.containsKey(cartItemId)) {
                metadata.put("cartcom_kit_items", kitParts.get(cartItemId));
            }
            mapped.add(new MappedOrder.Item(cartItemId,
                    orEmpty(firstNonBlank(nonBlank(item, "item_name"), nonBlank(item, "description"), code)),
                    code,
                    money(item, "price"),
                    quantity(item, "quantity"),
                    weight,
                    variations(item.get("variants"), item.get("personalizations")),
                    metadata));
        }
        return mapped;
    }

    /** The variant's own SKU where Cart.com gives one, else the product's. */
    static String itemCode(JsonNode item) {
        return orEmpty(firstNonBlank(nonBlank(item, "item_number_full"), nonBlank(item, "item_number")));
    }

    /** The sum of the discount lines' totals (zero or negative). */
    static BigDecimal discountLines(JsonNode order) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode item : arrayOf(order.get("items"))) {
            if (flag(item, "is_discount_item")) {
                sum = sum.add(money(item, "price").multiply(BigDecimal.valueOf(quantity(item, "quantity"))));
            }
        }
        // A discount line priced positive still lowers the total: Order Desk's discount_total is a positive amount.
        return sum.abs().setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** Kit children by the id of a parent that is on the order (a child whose parent is missing stays a line). */
    private static Map<Long, List<Map<String, Object>>> kitParts(JsonNode items) {
        Set<Long> ids = new LinkedHashSet<>();
        items.forEach(item -> {
            Long id = id(item, "id");
            if (id != null) {
                ids.add(id);
            }
        });
        Map<Long, List<Map<String, Object>>> parts = new LinkedHashMap<>();
        for (JsonNode item : items) {
            Long parent = id(item, "parent_order_item_id");
            if (parent != null && parent != 0 && ids.contains(parent) && !parent.equals(id(item, "id"))) {
                Map<String, Object> part = new LinkedHashMap<>();
                part.put("cartcom_item_id", id(item, "id"));
                part.put("code", itemCode(item));
                part.put("name", orEmpty(nonBlank(item, "item_name")));
                part.put("quantity", quantity(item, "quantity"));
                parts.computeIfAbsent(parent, p -> new ArrayList<>()).add(part);
            }
        }
        return parts;
    }

    private static boolean isKitPart(JsonNode item, Map<Long, List<Map<String, Object>>> kitParts) {
        Long parent = id(item, "parent_order_item_id");
        return parent != null && kitParts.containsKey(parent);
    }

    /**
     * {@code variants[].description} reads "Color: Blue": the part before the first colon names the option.
     * {@code personalizations[].answer} is what the shopper typed; Cart.com sends only the question's id, so the
     * option is named "Personalization" (numbered when there are several).
     */
    static Map<String, String> variations(JsonNode variants, JsonNode personalizations) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode variant : arrayOf(variants)) {
            String description = nonBlank(variant, "description");
            if (description == null) {
                continue;
            }
            int colon = description.indexOf(':');
            if (colon > 0) {
                out.put(description.substring(0, colon).trim(), description.substring(colon + 1).trim());
            } else {
                putNumbered(out, "Option", description);
            }
        }
        for (JsonNode personalization : arrayOf(personalizations)) {
            String answer = nonBlank(personalization, "answer");
            if (answer != null) {
                putNumbered(out, "Personalization", answer);
            }
        }
        return out;
    }

    /** "Option", then "Option 2", "Option 3": never overwrites a value already there. */
    private static void putNumbered(Map<String, String> out, String name, String value) {
        String key = name;
        for (int n = 2; out.containsKey(key); n++) {
            key = name + " " + n;
        }
        out.put(key, value);
    }

    private static Iterable<JsonNode> arrayOf(JsonNode node) {
        return node != null && node.isArray() ? node : List.of();
    }

    /** The distinct payment method names of the payments that are not void, in order. */
    static String paymentType(JsonNode payments) {
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode payment : livePayments(payments)) {
            String type = firstNonBlank(nonBlank(payment, "payment_method_name"), nonBlank(payment, "payment_type"));
            if (type != null) {
                types.add(type);
            }
        }
        return types.isEmpty() ? null : String.join(", ", types);
    }

    /** Approved if any live payment is approved or captured, Declined if all are declined, else Pending. */
    static String paymentStatus(JsonNode payments) {
        List<JsonNode> live = livePayments(payments);
        if (live.isEmpty()) {
            return null;
        }
        if (live.stream().anyMatch(p -> flag(p, "is_approved") || flag(p, "is_captured"))) {
            return "Approved";
        }
        if (live.stream().allMatch(p -> flag(p, "is_declined"))) {
            return "Declined";
        }
        return "Pending";
    }

    private static List<JsonNode> livePayments(JsonNode payments) {
        List<JsonNode> live = new ArrayList<>();
        if (payments != null && payments.isArray()) {
            payments.forEach(p -> {
                if (!flag(p, "is_void")) {
                    live.add(p);
                }
            });
        }
        return live;
    }

    /** Everything the customer or merchant wrote on the order, one note each, labelled by where it came from. */
    static List<Map<String, String>> notes(JsonNode order) {
        List<Map<String, String>> notes = new ArrayList<>();
        addNote(notes, "Special instructions", nonBlank(order, "special_instructions"));
        addNote(notes, "Instructions", nonBlank(order, "instructions"));
        addNote(notes, "Public comments", nonBlank(order, "public_comments"));
        addNote(notes, "Gift message", nonBlank(order, "gift_message"));
        return notes;
    }

    private static void addNote(List<Map<String, String>> notes, String label, String text) {
        if (text != null) {
            Map<String, String> note = new LinkedHashMap<>();
            note.put("username", NOTE_AUTHOR);
            note.put("content", label + ": " + text);
            notes.add(note);
        }
    }

    /** Cart.com's checkout custom fields, {@code [{name, value}]}, as Order Desk's checkout_data map. */
    static Map<String, String> checkoutData(JsonNode customFields) {
        Map<String, String> out = new LinkedHashMap<>();
        if (customFields != null && customFields.isArray()) {
            for (JsonNode field : customFields) {
                String name = nonBlank(field, "name");
                if (name != null) {
                    out.put(name, orEmpty(CartcomValues.text(field, "value")));
                }
            }
        }
        return out;
    }

    private static Map<String, Object> metadata(JsonNode order, CartOrderFetched event, StoreIntegrationChanged store) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cartcom_order_id", event.cartOrderId());
        out.put("cartcom_store_domain", store.domain());
        putIfPresent(out, "cartcom_order_status_id", id(order, "order_status_id"));
        putIfPresent(out, "cartcom_customer_id", id(order, "customer_id"));
        putIfPresent(out, "cartcom_coupon_code", nonBlank(order, "coupon_code"));
        // The merchant's own remarks: kept with the order's data, never shown as a note the customer could see.
        putIfPresent(out, "cartcom_admin_comments", nonBlank(order, "admin_comments"));
        if (flag(order, "is_gift")) {
            out.put("cartcom_is_gift", true);
        }
        return out;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        throw new MalformedEventException("order has no date");
    }
}
