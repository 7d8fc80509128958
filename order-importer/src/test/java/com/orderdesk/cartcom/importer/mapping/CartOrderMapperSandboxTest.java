package com.orderdesk.cartcom.importer.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.devstack.CartcomSandbox;
import com.orderdesk.cartcom.devstack.SandboxControl;
import com.orderdesk.cartcom.importer.support.CartcomFixtures;
import com.orderdesk.cartcom.importer.support.SandboxOrders;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One test per field group, fed with what the Cart.com sandbox really serves: an order drafted through its control
 * API, read back over its Cart.com API as the poller reads it (expanded order, select_many addresses and customer).
 */
class CartOrderMapperSandboxTest {
    private static final TokenCrypto CRYPTO = TokenCrypto.fromConfig(TokenCrypto.newKeySpec("k1"), "k1");
    private static final long STORE_ID = 41;
    private static final CartOrderMapper MAPPER = new CartOrderMapper();

    private static SandboxControl.SandboxStore store;
    private static StoreIntegrationChanged snapshot;
    private static long cartOrderId;
    private static CartOrderFetched fetched;
    private static MappedOrder order;

    @BeforeAll
    static void draftAnOrderAtTheSandbox() {
        SandboxControl control = CartcomSandbox.control();
        // utc_offset -06:00: Cart.com writes the store's local time; the mapper must hand on UTC.
        store = control.createStore(Map.of("utc_offset", "-06:00", "rate_limit", 1000));
        snapshot = CartcomFixtures.store(STORE_ID, 1, "key", store.domain(), store.token(), CRYPTO, 2L, "SB-");
        JsonNode drafted = control.createOrder(store.domain(), Map.of(
                "order_status_id", 1,
                "ordered_at", "2024-03-05T10:15:00-06:00",
                "customer", Map.of("first_name", "Dana", "last_name", "Reyes", "email", "dana@example.com",
                        "phone", "512-555-0100", "company", "Reyes Outfitters"),
                "items", List.of(
                        Map.of("item_number", "TSHIRT-BLU", "item_name", "T-Shirt", "price", 19.99, "quantity", 2,
                                "weight", 0.5, "product_id", 501, "variant", "Color: Blue"),
                        Map.of("item_number", "MUG", "item_name", "Mug", "price", 12.5, "quantity", 1,
                                "weight", 1.25, "personalization", "For Sam")),
                "gift_message", "Happy birthday!",
                "special_instructions", "Leave at the side door",
                "custom_fields", Map.of("PO Number", "PO-12345"),
                "shipping_method", "UPS Ground",
                "shipping_total", 7.5));
        cartOrderId = drafted.path("id").asLong();
        fetched = SandboxOrders.fetch(STORE_ID, store.domain(), store.token(), cartOrderId, null);
        order = MAPPER.map(fetched, snapshot);
    }

    @Test
    void identityFolderPrefixAndMetadata() {
        assertEquals("SB-" + cartOrderId, order.sourceId());
        assertEquals(CartcomFixtures.PREPARED_FOLDER, order.folderId());
        assertEquals(cartOrderId, order.orderMetadata().get("cartcom_order_id"));
        assertEquals(store.domain(), order.orderMetadata().get("cartcom_store_domain"));
        assertEquals(1L, order.orderMetadata().get("cartcom_order_status_id"));
        assertEquals(fetched.order().path("customer_id").asLong(), order.orderMetadata().get("cartcom_customer_id"));
    }

    @Test
    void itemsWithSkuPriceQuantityAndCartcomIds() {
        assertEquals(2, order.items().size());
        MappedOrder.Item shirt = order.items().get(0);
        assertEquals("TSHIRT-BLU", shirt.code());
        assertEquals("T-Shirt", shirt.name());
        assertEquals(new BigDecimal("19.99"), shirt.price());
        assertEquals(2, shirt.quantity());
        assertEquals(0, new BigDecimal("0.5").compareTo(shirt.weight()));
        assertEquals(fetched.order().path("items").get(0).path("id").asLong(), shirt.cartItemId());
        assertEquals(501L, shirt.metadata().get("cartcom_product_id"));
        assertEquals(3, order.quantityTotal());
        assertEquals(0, new BigDecimal("2.25").compareTo(order.weightTotal()));
    }

    @Test
    void variantsAndPersonalizationsGoIntoTheVariationList() {
        assertEquals(Map.of("Color", "Blue"), order.items().get(0).variationList());
        assertEquals(Map.of("Personalization", "For Sam"), order.items().get(1).variationList());
    }

    @Test
    void totalsAreTheSandboxsMoneyToTheCent() {
        JsonNode raw = fetched.order();
        assertEquals(new BigDecimal("52.48"), order.productTotal(), "2 x 19.99 + 12.50");
        assertEquals(new BigDecimal("7.50"), order.shippingTotal());
        assertEquals(raw.path("tax_total").decimalValue().setScale(2), order.taxTotal());
        assertEquals(raw.path("grand_total").decimalValue().setScale(2), order.orderTotal());
        assertEquals(order.orderTotal(), order.productTotal().add(order.shippingTotal()).add(order.handlingTotal())
                .add(order.taxTotal()).subtract(order.discountTotal()), "the parts add up to the total");
    }

    @Test
    void paymentTypeAndStatus() {
        assertNotNull(order.paymentType(), "the sandbox records a payment with each order");
        assertTrue(List.of("Approved", "Pending").contains(order.paymentStatus()), order.paymentStatus());
    }

    @Test
    void shippingAndCustomerComeFromTheAddressRecordsAndCustomer() {
        JsonNode shipping = fetched.shippingAddress();
        assertEquals("Dana", order.shipping().get("first_name"));
        assertEquals("Reyes", order.shipping().get("last_name"));
        assertEquals(shipping.path("address_line_1").asText(), order.shipping().get("address1"));
        assertEquals(shipping.path("city").asText(), order.shipping().get("city"));
        String stateCode = shipping.path("state_code").asText();
        // The sandbox picks a sample place per order; London's has a state name but no code.
        assertEquals(stateCode.isBlank() ? shipping.path("state").asText() : stateCode, order.shipping().get("state"),
                "the state's code, or its name where there is none");
        assertEquals(shipping.path("country_code").asText(), order.shipping().get("country"));
        assertFalse(order.shipping().get("postal_code").isBlank());
        assertEquals("Dana", order.customer().get("first_name"));
        assertEquals("Reyes Outfitters", order.customer().get("company"));
        assertEquals("dana@example.com", order.email());
        assertEquals("UPS Ground", order.shippingMethod());
    }

    @Test
    void notesCarryInstructionsAndGiftMessage() {
        List<String> notes = order.orderNotes().stream().map(n -> n.get("content")).toList();
        assertTrue(notes.contains("Special instructions: Leave at the side door"), notes.toString());
        assertTrue(notes.contains("Gift message: Happy birthday!"), notes.toString());
    }

    @Test
    void customFieldsBecomeCheckoutData() {
        assertEquals(Map.of("PO Number", "PO-12345"), order.checkoutData());
    }

    @Test
    void dateAddedIsTheOrderTimeInUtc() {
        assertEquals(Instant.parse("2024-03-05T16:15:00Z"), order.dateAdded());
        assertEquals(OffsetDateTime.parse(fetched.order().path("ordered_at").asText()).toInstant(), order.dateAdded());
    }

    @Test
    void everySeededOrderMaps() {
        SandboxControl control = CartcomSandbox.control();
        for (long id : control.seedOrders(store.domain(), 15, 1)) {
            CartOrderFetched seeded = SandboxOrders.fetch(STORE_ID, store.domain(), store.token(), id, null);
            MappedOrder mapped = MAPPER.map(seeded, snapshot);
            assertEquals(seeded.order().path("items").size(), mapped.items().size(), "order " + id);
            assertEquals(seeded.order().path("grand_total").decimalValue().setScale(2), mapped.orderTotal(), "order " + id);
            mapped.items().forEach(i -> assertFalse(i.code().isBlank(), "order " + id + " item " + i.cartItemId()));
            assertFalse(mapped.shipping().get("address1").isBlank(), "order " + id);
        }
    }

    /**
     * Issue 16: a store in the sandbox's real-world mode (every shape on: a coupon line, a gift-wrap line, a kit with
     * two parts, weights in Oz, Kg and g, a variant SKU, fees and delivery tax, a numeric Boston ZIP, money as strings
     * such as "12.50"). Every order maps
     * with its parts adding up to its total, and each shape lands where the README's mapping choices say.
     */
    @Test
    void realWorldOrdersMapWithTheirPartsAddingUp() {
        SandboxControl control = CartcomSandbox.control();
        SandboxControl.SandboxStore real = control.createStore(Map.of("rate_limit", 1000, "real_world", List.of("all")));
        StoreIntegrationChanged realSnapshot = CartcomFixtures.store(STORE_ID + 1, 1, "key", real.domain(), real.token(),
                CRYPTO, 2L, "RW-");
        for (long id : control.seedOrders(real.domain(), 10, 7)) {
            CartOrderFetched seeded = SandboxOrders.fetch(STORE_ID + 1, real.domain(), real.token(), id, null);
            MappedOrder mapped = MAPPER.map(seeded, realSnapshot);
            String at = "order " + id;
            JsonNode grandTotal = seeded.order().path("grand_total");
            assertTrue(grandTotal.isTextual(), at + ": money_as_strings sends the total as text, not " + grandTotal);
            assertEquals(new BigDecimal(grandTotal.asText()).setScale(2), mapped.orderTotal(), at + ": the total read from text");
            assertEquals(mapped.orderTotal(), mapped.productTotal().add(mapped.shippingTotal()).add(mapped.handlingTotal())
                    .add(mapped.taxTotal()).subtract(mapped.discountTotal()), at + ": product + shipping + handling + tax - discount");
            assertEquals(new BigDecimal("5.00"), mapped.discountTotal(), at + ": the coupon line is discount");
            assertEquals(new BigDecimal("2.50"), mapped.handlingTotal(), at + ": additional fees join handling");
            assertTrue(mapped.items().stream().noneMatch(i -> i.code().equals("COUPON5")), at + ": no coupon product");
            MappedOrder.Item kit = mapped.items().stream().filter(i -> i.code().startsWith("KIT-GIFTSET")).findFirst().orElseThrow();
            assertEquals(2, ((List<?>) kit.metadata().get("cartcom_kit_items")).size(), at + ": the kit carries its parts");
            assertTrue(mapped.items().stream().noneMatch(i -> i.code().startsWith("KIT-MUG")), at + ": parts are not lines");
            MappedOrder.Item wrap = mapped.items().stream().filter(i -> i.code().startsWith("GIFTWRAP")).findFirst().orElseThrow();
            assertEquals(true, wrap.metadata().get("cartcom_non_shipping"), at);
            assertEquals("02116", mapped.shipping().get("postal_code"), at + ": the ZIP keeps its leading zero");
            // Each line's weight in pounds whatever unit Cart.com wrote it in: the order's products weigh what the
            // friendly store would say (the sandbox converts pounds into Oz, Kg and g; 0.01 lb of rounding per line).
            BigDecimal pounds = BigDecimal.ZERO;
            for (JsonNode line : seeded.order().path("items")) {
                String unit = line.path("weight_unit").asText();
                BigDecimal w = line.path("weight").decimalValue();
                pounds = pounds.add((switch (unit) {
                    case "Oz" -> w.divide(new BigDecimal("16"));
                    case "Kg" -> w.divide(new BigDecimal("0.45359237"), 6, java.math.RoundingMode.HALF_UP);
                    case "g" -> w.divide(new BigDecimal("453.59237"), 6, java.math.RoundingMode.HALF_UP);
                    default -> w;
                }).multiply(line.path("quantity").decimalValue()));
            }
            assertTrue(pounds.subtract(mapped.weightTotal()).abs().compareTo(new BigDecimal("0.05")) <= 0,
                    at + ": weight " + mapped.weightTotal() + " lb, expected about " + pounds);
            mapped.items().stream().filter(i -> !i.code().startsWith("KIT") && !i.code().startsWith("GIFTWRAP"))
                    .forEach(i -> assertTrue(i.code().endsWith("-BLU-L"), at + ": the variant's SKU, not " + i.code()));
        }
    }
}
