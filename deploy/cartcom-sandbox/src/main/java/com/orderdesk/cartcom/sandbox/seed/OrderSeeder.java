package com.orderdesk.cartcom.sandbox.seed;

import com.orderdesk.cartcom.sandbox.seed.SampleCatalog.Place;
import com.orderdesk.cartcom.sandbox.seed.SampleCatalog.Product;
import com.orderdesk.cartcom.sandbox.seed.SampleCatalog.Variant;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Draws realistic orders: one to four lines (some with variants or personalizations), a customer who
 * sometimes ordered before, shipping and billing addresses, a payment, sometimes a gift message,
 * instructions and custom fields. The same Random seed gives the same orders.
 */
public final class OrderSeeder {

    private final Random random;

    public OrderSeeder(Random random) {
        this.random = random;
    }

    /** @param knownCustomers the store's existing customer records, to let returning customers reorder */
    public OrderDraft draft(List<Map<String, Object>> knownCustomers) {
        OrderDraft d = new OrderDraft();
        if (!knownCustomers.isEmpty() && random.nextInt(4) == 0) {
            Map<String, Object> c = knownCustomers.get(random.nextInt(knownCustomers.size()));
            d.existingCustomerId = ((Number) c.get("id")).longValue();
            d.customer = new OrderDraft.Person((String) c.get("first_name"), (String) c.get("last_name"),
                    (String) c.get("email"), (String) c.get("phone_number"), (String) c.get("company"));
        } else {
            d.customer = newPerson();
        }
        d.shipping = address(d.customer);
        if (random.nextInt(3) == 0) {
            d.billing = address(random.nextBoolean() ? d.customer : newPerson());
        }
        int lines = 1 + random.nextInt(4);
        for (int i = 0; i < lines; i++) {
            d.items.add(item(pick(SampleCatalog.PRODUCTS.subList(0, SampleCatalog.PRODUCTS.size() - 1))));
        }
        String[] method = pick(SampleCatalog.SHIPPING_METHODS);
        d.shippingMethod = method[0];
        d.shippingProvider = method[1];
        d.shippingProviderService = method[2];
        d.shippingTotal = new BigDecimal(method[3]);
        if (random.nextInt(5) == 0) {
            d.giftMessage = pick(SampleCatalog.GIFT_MESSAGES);
            d.items.add(item(SampleCatalog.PRODUCTS.get(SampleCatalog.PRODUCTS.size() - 1)));
        }
        if (random.nextInt(4) == 0) {
            d.instructions = pick(SampleCatalog.INSTRUCTIONS);
            d.specialInstructions = d.instructions;
        }
        if (random.nextInt(3) == 0) {
            d.customFields.put("How did you hear about us?", pick(List.of("Google", "Friend", "Instagram", "Podcast")));
        }
        if (random.nextInt(4) == 0) {
            d.customFields.put("PO Number", "PO-" + (10000 + random.nextInt(90000)));
        }
        d.payments.add(payment(d.customer));
        d.ipAddress = "203.0.113." + (1 + random.nextInt(254));
        return d;
    }

    /** One line for a product chosen by the caller (control API), with a random variant if it has any. */
    public OrderDraft.Item item(Product p) {
        List<Map<String, Object>> variants = null;
        Long inventoryId = null;
        String sku = p.sku();
        if (!p.variants().isEmpty()) {
            Variant v = pick(p.variants());
            variants = List.of(variantJson(v));
            inventoryId = v.inventoryId();
            sku = p.sku() + v.skuSuffix();
        }
        List<Map<String, Object>> personalizations = null;
        if (p.personalizable() && random.nextBoolean()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", 27);
            answer.put("answer", "For " + pick(SampleCatalog.FIRST_NAMES));
            personalizations = List.of(answer);
        }
        int quantity = random.nextInt(5) == 0 ? 2 + random.nextInt(3) : 1;
        return new OrderDraft.Item(p.id(), sku, p.name(), p.priceValue(), quantity, new BigDecimal(p.weight()),
                variants, inventoryId, personalizations, p.name());
    }

    public OrderDraft.Person newPerson() {
        String first = pick(SampleCatalog.FIRST_NAMES);
        String last = pick(SampleCatalog.LAST_NAMES);
        String email = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "")
                + (random.nextInt(90) + 10) + "@example.com";
        return new OrderDraft.Person(first, last, email, phone(), pick(SampleCatalog.COMPANIES));
    }

    public OrderDraft.Address address(OrderDraft.Person person) {
        Place place = pick(SampleCatalog.PLACES);
        // The live API sometimes sends a US ZIP as a number; do so for a few addresses.
        Object postal = place.postalCode().matches("[1-9][0-9]{4}") && random.nextInt(8) == 0
                ? Integer.valueOf(place.postalCode()) : place.postalCode();
        String line2 = random.nextInt(4) == 0 ? "Apt " + (1 + random.nextInt(40)) : "";
        return new OrderDraft.Address(person.firstName(), person.lastName(), person.company(),
                (100 + random.nextInt(9800)) + " " + pick(SampleCatalog.STREETS), line2, place.city(), place.state(),
                place.stateCode(), postal, place.country(), place.countryCode(), person.phone());
    }

    private OrderDraft.Payment payment(OrderDraft.Person person) {
        int kind = random.nextInt(10);
        if (kind < 7) {
            String card = pick(List.of("Visa", "MasterCard", "American Express", "Discover"));
            return new OrderDraft.Payment("CreditCard", "Credit Card", card,
                    String.format("%04d", random.nextInt(10000)), null, true);
        }
        if (kind < 9) {
            return new OrderDraft.Payment("PayPal", "PayPal Express", "", "", null, true);
        }
        return new OrderDraft.Payment("PurchaseOrder", "Purchase Order", "", "", null, false);
    }

    private static Map<String, Object> variantJson(Variant v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("description", v.description());
        m.put("variant_group_id", v.groupId());
        return m;
    }

    private String phone() {
        return String.format("%03d-555-%04d", 200 + random.nextInt(700), random.nextInt(10000));
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
