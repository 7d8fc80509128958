package com.orderdesk.cartcom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The real-world shapes that bend list answers (issue 16): what a client of such a store reads. */
@QuarkusTest
class RealWorldListingTest {

    private static SandboxClient.Store store(List<String> shapes, Map<String, Object> more) {
        Map<String, Object> settings = new java.util.HashMap<>(more);
        settings.put("rate_limit", 100_000);
        settings.put("real_world", shapes);
        return SandboxClient.newStore(settings);
    }

    private static JsonPath get(SandboxClient.Store store, String pathAndQuery, int status) {
        return store.api().urlEncodingEnabled(false).get(pathAndQuery).then().statusCode(status).extract().jsonPath();
    }

    @Test
    void everyFifthOrderIsListedWithOddDatesAndStillMatchesByItsTrueTime() {
        SandboxClient.Store store = store(List.of("odd_dates"), Map.of());
        List<Long> ids = store.seed(15, 1L);
        JsonPath page = get(store, "/orders?updated_at=gte:2020-01-01T00:00:00Z&sort=id&count=100", 200);
        assertEquals(ids, page.getList("orders.id", Long.class), "odd orders still match a date filter");
        Map<String, Object> fifth = page.getMap("orders[4]");
        assertEquals("", fifth.get("updated_at"));
        assertEquals("", fifth.get("ordered_at"));
        assertTrue(page.getMap("orders[9]").containsKey("updated_at"));
        assertNull(page.getMap("orders[9]").get("updated_at"));
        assertTrue(page.getString("orders[14].updated_at").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"),
                page.getString("orders[14].updated_at"));
        assertTrue(page.getString("orders[3].updated_at").contains("T"), "the others are as usual");
    }

    @Test
    void ordersPlacedInOneSecondShareOneUpdatedAt() {
        SandboxClient.Store store = store(List.of("updated_at_ties"), Map.of());
        store.seed(4, 1L);
        List<String> stamps = get(store, "/orders?sort=id", 200).getList("orders.updated_at", String.class);
        assertTrue(stamps.stream().distinct().count() < stamps.size(), "ties: " + stamps);
        assertTrue(stamps.stream().noneMatch(s -> s.matches(".*\\.\\d+.*")), "whole seconds: " + stamps);
    }

    @Test
    void aCappedCountAnswersShortPagesWithANextPage() {
        SandboxClient.Store store = store(List.of("count_cap"), Map.of("count_cap", 3));
        store.seed(7, 1L);
        JsonPath first = get(store, "/orders?sort=id&count=10", 200);
        assertEquals(3, first.getList("orders").size());
        assertNotNull(first.getString("next_page"));
        assertEquals(1, get(store, "/orders?sort=id&count=10&page=3", 200).getList("orders").size());
        assertEquals(50, SandboxClient.newStore(Map.of("real_world", List.of("all"))).control().get("")
                .then().extract().jsonPath().getInt("count_cap"), "all caps at 50 unless told");
    }

    @Test
    void orderAddressesListUnderTheirAcapiName() {
        SandboxClient.Store store = store(List.of("order_addresses_key"), Map.of());
        store.seed(1, 1L);
        long address = get(store, "/orders", 200).getLong("orders[0].order_shipping_address_id");
        JsonPath list = get(store, "/order_addresses", 200);
        assertFalse(list.getMap("").containsKey("addresses"));
        assertEquals(1, get(store, "/order_addresses/select_many?ids=" + address, 200).getList("order_addresses").size());
    }

    @Test
    void selectManyLeavesOutEveryThirdIdTwiceAndAnswersOnePageOfIds() {
        SandboxClient.Store store = store(List.of("select_many_gaps"), Map.of());
        store.seed(30, 1L);
        String ids = java.util.stream.LongStream.rangeClosed(1, 30).mapToObj(Long::toString).collect(Collectors.joining(","));
        List<Long> first = get(store, "/order_addresses/select_many?ids=" + ids, 200).getList("addresses.id", Long.class);
        assertEquals(25 - 8, first.size(), "25 ids a page, 3, 6, ... 24 left out: " + first);
        assertFalse(first.contains(3L));
        get(store, "/order_addresses/select_many?ids=3,6", 404);
        assertEquals(List.of(3L, 6L), get(store, "/order_addresses/select_many?ids=3,6", 200).getList("addresses.id", Long.class),
                "the third time, they are there");
        get(store, "/order_addresses/select_many?ids=27", 404);
        get(store, "/order_addresses/select_many?ids=27", 404);
        assertEquals(List.of(27L), get(store, "/order_addresses/select_many?ids=27", 200).getList("addresses.id", Long.class));
    }

    @Test
    void everyFourthOrderIsListedWithoutItemsButHasThemById() {
        SandboxClient.Store store = store(List.of("expand_ignored"), Map.of());
        List<Long> ids = store.seed(4, 1L);
        JsonPath page = get(store, "/orders?sort=id&expand=items", 200);
        assertTrue(page.getMap("orders[2]").containsKey("items"));
        assertFalse(page.getMap("orders[3]").containsKey("items"));
        assertFalse(get(store, "/orders/" + ids.get(3) + "?expand=items", 200).getList("items").isEmpty());
    }

    @Test
    void allPutsAStoreWithoutAnOffsetInADaylightSavingZone() {
        SandboxClient.Store store = store(List.of("all"), Map.of());
        assertEquals("America/New_York", store.control().get("").then().extract().jsonPath().getString("utc_offset"));
        SandboxClient.Store fixed = store(List.of("all"), Map.of("utc_offset", "-06:00"));
        assertEquals("-06:00", fixed.control().get("").then().extract().jsonPath().getString("utc_offset"));
    }
}
