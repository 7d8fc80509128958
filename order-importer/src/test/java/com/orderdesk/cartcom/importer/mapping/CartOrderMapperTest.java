package com.orderdesk.cartcom.importer.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.cartcom.importer.support.CartcomFixtures;
import com.orderdesk.cartcom.kit.cartcom.CartcomDates;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.MalformedEventException;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per field group, fed with the Cart.com docs' sample JSON (see src/test/resources/cartcom). */
class CartOrderMapperTest {
    private static final TokenCrypto CRYPTO = TokenCrypto.fromConfig(TokenCrypto.newKeySpec("k1"), "k1");
    private static final StoreIntegrationChanged STORE = CartcomFixtures.store(7, 1, "key", "token", CRYPTO, 3L);
    private final CartOrderMapper mapper = new CartOrderMapper();

    private MappedOrder mapSample() {
        return mapper.map(CartcomFixtures.fetched(7, 100000, null), STORE);
    }

    @Test
    void identityFolderAndSource() {
        MappedOrder order = mapSample();
        assertEquals(100000, order.cartOrderId());
        assertEquals("CC-100000", order.sourceId());
        assertEquals("Cart.com", order.sourceName());
        assertEquals(CartcomFixtures.PREPARED_FOLDER, order.folderId());
        assertEquals(Map.of("cartcom_order_id", 100000L, "cartcom_store_domain", "shop-7.example.com",
                "cartcom_order_status_id", 5L, "cartcom_customer_id", 1L, "cartcom_coupon_code", "SAVE10",
                "cartcom_admin_comments", "Called customer to confirm size", "cartcom_is_gift", true), order.orderMetadata());
    }

    @Test
    void folderFallsBackToTheNewFolderWhenTheSettingIsEmpty() {
        StoreIntegrationChanged noFolder = new StoreIntegrationChanged(STORE.eventId(), STORE.eventType(), 1,
                STORE.occurredAt(), 7, 1, true, true, STORE.domain(), STORE.encryptedToken(), STORE.keyId(),
                STORE.apiKeyHash(), STORE.timezone(), 5, List.of(1L), null, null, null, true, null, STORE.folders());
        MappedOrder order = mapper.map(CartcomFixtures.fetched(7, 100000, null), noFolder);
        assertEquals(CartcomFixtures.NEW_FOLDER, order.folderId());
        assertEquals("100000", order.sourceId());
    }

    @Test
    void totalsAreMoneyWithTwoDecimals() {
        MappedOrder order = mapSample();
        assertEquals(new BigDecimal("219.99"), order.productTotal());
        assertEquals(new BigDecimal("25.00"), order.shippingTotal());
        assertEquals(new BigDecimal("1.50"), order.handlingTotal());
        assertEquals(new BigDecimal("18.15"), order.taxTotal());
        assertEquals(new BigDecimal("10.00"), order.discountTotal());
        assertEquals(new BigDecimal("254.64"), order.orderTotal());
        assertEquals(3, order.quantityTotal());
        assertEquals(0, new BigDecimal("50.5").compareTo(order.weightTotal()));
    }

    @Test
    void emailShippingMethodAndDateInUtc() {
        MappedOrder order = mapSample();
        assertEquals("test@not-my-real-address.zzz", order.email());
        assertEquals("FedEx Express Saver", order.shippingMethod());
        assertEquals(Instant.parse("2013-11-29T23:12:00Z"), order.dateAdded());
    }

    @Test
    void paymentsIgnoreVoidOnes() {
        MappedOrder order = mapSample();
        assertEquals("Credit Card", order.paymentType());
        assertEquals("Approved", order.paymentStatus());
        assertNull(CartOrderMapper.paymentType(null));
        assertEquals("Declined", CartOrderMapper.paymentStatus(Json.mapper().createArrayNode()
                .add(Json.mapper().createObjectNode().put("is_declined", true))));
    }

    @Test
    void shippingAddressPrefersCodesAndReadsNumericPostalCodes() {
        assertEquals(Map.of("first_name", "Chris", "last_name", "Allen", "company", "AmeriCommerce",
                "address1", "1234 AmeriCommerce Blvd", "address2", "Suite 1", "city", "Beaumont", "state", "TX",
                "postal_code", "77702", "country", "US", "phone", "555-555-5555"), mapSample().shipping());
    }

    /** A US ZIP sent as a JSON number has lost its leading zeros: they are put back; text and other countries kept. */
    @Test
    void aUsZipSentAsANumberGetsItsLeadingZerosBack() throws Exception {
        assertEquals("02116", CartOrderMapper.postalCode(json("{\"postal_code\": 2116, \"country_code\": \"US\"}")));
        assertEquals("00501", CartOrderMapper.postalCode(json("{\"postal_code\": 501}")));
        assertEquals("02116-1234", CartOrderMapper.postalCode(json("{\"postal_code\": 21161234, \"country\": \"United States\"}")));
        assertEquals("77702", CartOrderMapper.postalCode(json("{\"postal_code\": 77702, \"country_code\": \"US\"}")));
        assertEquals("2116", CartOrderMapper.postalCode(json("{\"postal_code\": \"2116\", \"country_code\": \"US\"}")),
                "text is kept as sent");
        assertEquals("1067", CartOrderMapper.postalCode(json("{\"postal_code\": 1067, \"country_code\": \"DE\"}")));
        assertEquals("K1A 0B1", CartOrderMapper.postalCode(json("{\"postal_code\": \"K1A 0B1\", \"country_code\": \"CA\"}")));
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void customerIsTheBillingAddressCompletedFromTheCustomerRecord() {
        assertEquals(Map.of("first_name", "Chris", "last_name", "Allen", "company", "Allen & Co",
                "address1", "251 N Bristol Ave", "address2", "", "city", "Los Angeles", "state", "CA",
                "postal_code", "90049", "country", "US", "phone", "555-555-0000"), mapSample().customer());
    }

    @Test
    void itemsKeepCartcomIdsCodesAndVariations() {
        List<MappedOrder.Item> items = mapSample().items();
        assertEquals(2, items.size());
        MappedOrder.Item balls = items.get(0);
        assertEquals(135, balls.cartItemId());
        assertEquals("Golf Balls - Titliest", balls.name());
        assertEquals("glfblls", balls.code());
        assertEquals(new BigDecimal("100.00"), balls.price());
        assertEquals(2, balls.quantity());
        assertEquals(0, new BigDecimal("25").compareTo(balls.weight()));
        assertEquals(Map.of("Color", "Blue", "Special", "Normal"), balls.variationList());
        assertEquals(Map.of("cartcom_item_id", 135L, "cartcom_product_id", 4L), balls.metadata());
        MappedOrder.Item tee = items.get(1);
        assertEquals(new BigDecimal("19.99"), tee.price(), "a price sent as a string still reads");
        assertTrue(tee.variationList().isEmpty());
    }

    @Test
    void anItemWithoutIdIsMalformed() {
        CartOrderFetched event = CartcomFixtures.fetched(7, 100000, null);
        ((ObjectNode) event.order().withArray("items").get(1)).remove("id");
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> mapper.map(event, STORE));
        assertTrue(e.getMessage().contains("item #2 has no id"), e.getMessage());
    }

    @Test
    void anOrderIdThatContradictsTheEventIsMalformed() {
        CartOrderFetched event = CartcomFixtures.fetched(7, 100000, null);
        event.order().put("id", 5);
        assertThrows(MalformedEventException.class, () -> mapper.map(event, STORE));
    }

    @Test
    void notesCollectInstructionsPublicCommentsAndGiftMessage() {
        List<String> notes = mapSample().orderNotes().stream().map(n -> n.get("content")).toList();
        assertEquals(List.of("Instructions: Ring twice", "Public comments: Please leave at the back door",
                "Gift message: Happy birthday, Sam!"), notes);
    }

    /** admin_comments are the merchant's private remarks: in the order's metadata, not a visible note. */
    @Test
    void adminCommentsStayPrivate() {
        assertEquals("Called customer to confirm size", mapSample().orderMetadata().get("cartcom_admin_comments"));
    }

    @Test
    void checkoutDataComesFromCustomFields() {
        assertEquals(Map.of("How did you hear about us?", "Podcast", "Gift wrap", "yes"), mapSample().checkoutData());
    }

    @Test
    void datesAreReadLeniently() {
        ZoneId chicago = ZoneId.of("America/Chicago");
        assertEquals(Instant.parse("2014-03-19T18:31:47.923Z"), CartcomDates.instantOrNull("2014-03-19T13:31:47.923-05:00", chicago));
        assertEquals(Instant.parse("2013-11-29T23:12:08.160Z"), CartcomDates.instantOrNull("2013-11-29T17:12:08.16-06:00", chicago));
        assertEquals(Instant.parse("2013-11-04T15:36:05.700Z"), CartcomDates.instantOrNull("2013-11-04T09:36:05.7-06:00", chicago));
        assertEquals(Instant.parse("2013-11-04T15:36:05Z"), CartcomDates.instantOrNull("2013-11-04T09:36:05-0600", chicago));
        assertEquals(Instant.parse("2013-11-04T09:36:05Z"), CartcomDates.instantOrNull("2013-11-04T09:36:05Z", chicago));
        assertEquals(Instant.parse("2013-11-04T15:36:05Z"), CartcomDates.instantOrNull("2013-11-04T09:36:05", chicago),
                "no offset: the store's time zone");
        assertEquals(Instant.parse("2013-11-04T00:00:00Z"), CartcomDates.instantOrNull("2013-11-04", ZoneOffset.UTC));
        assertNull(CartcomValues.instant(Json.mapper().createObjectNode().put("d", ""), "d", chicago));
    }

    @Test
    void aMissingOrderedAtFallsBackToCreatedAt() {
        CartOrderFetched event = CartcomFixtures.fetched(7, 100000, null);
        event.order().put("ordered_at", "");
        assertEquals(Instant.parse("2013-11-29T23:12:08.160Z"), mapper.map(event, STORE).dateAdded());
    }
}
