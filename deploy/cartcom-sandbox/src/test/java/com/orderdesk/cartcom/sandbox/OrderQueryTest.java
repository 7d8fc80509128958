package com.orderdesk.cartcom.sandbox;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderQueryTest extends SeededStoreTest {

    OrderQueryTest() {
        super(5, 7L);
    }

    private List<Long> idsWhere(String rawQuery) {
        return store.api().urlEncodingEnabled(false).get("/orders?fields=id&" + rawQuery)
                .then().statusCode(200).extract().jsonPath().getList("orders.id", Long.class);
    }

    @Test
    void everyComparisonOperatorOnId() {
        long third = ids.get(2);
        assertEquals(List.of(third), idsWhere("id=" + third));
        assertEquals(List.of(third), idsWhere("id=eq:" + third));
        assertEquals(List.of(ids.get(0), ids.get(1), ids.get(3), ids.get(4)), idsWhere("id=not:" + third));
        assertEquals(ids.subList(3, 5), idsWhere("id=gt:" + third));
        assertEquals(ids.subList(2, 5), idsWhere("id=gte:" + third));
        assertEquals(ids.subList(0, 2), idsWhere("id=lt:" + third));
        assertEquals(ids.subList(0, 3), idsWhere("id=lte:" + third));
    }

    @Test
    void likeAndStartwithOnText() {
        store.control().body(Map.of("customer", Map.of("email", "zed.unique@example.org"))).post("/orders")
                .then().statusCode(201);
        long last = store.api().get("/orders?sort=-id&count=1").then().extract().jsonPath().getLong("orders[0].id");
        assertEquals(List.of(last), idsWhere("entered_by=like:UNIQUE@example"));
        assertEquals(List.of(last), idsWhere("entered_by=startwith:zed.u"));
        assertEquals(List.of(), idsWhere("entered_by=startwith:unique"));
    }

    @Test
    void andOrOnOneFieldWithPlusAsSpace() {
        assertEquals(ids.subList(1, 4), idsWhere("id=gt:" + ids.get(0) + "+AND+lt:" + ids.get(4)));
        assertEquals(List.of(ids.get(0), ids.get(4)), idsWhere("id=" + ids.get(0) + "+OR+" + ids.get(4)));
        assertEquals(List.of(ids.get(0), ids.get(4)), idsWhere("id=lt:" + ids.get(1) + "%20OR%20gt:" + ids.get(3)));
        // AND binds tighter than OR: (id > 1st AND id < 3rd) OR id = 5th
        assertEquals(List.of(ids.get(1), ids.get(4)),
                idsWhere("id=gt:" + ids.get(0) + "+AND+lt:" + ids.get(2) + "+OR+" + ids.get(4)));
    }

    @Test
    void orPrefixJoinsFieldsWithOr() {
        store.api().contentType("application/json").body(Map.of("order_status_id", 6))
                .put("/orders/" + ids.get(4) + "/status").then().statusCode(200);
        assertEquals(List.of(ids.get(0), ids.get(4)), idsWhere("id=OR+" + ids.get(0) + "&order_status_id=OR+6"));
        assertEquals(List.of(), idsWhere("id=" + ids.get(0) + "&order_status_id=6"));
        assertEquals(List.of(ids.get(4)), idsWhere("id=" + ids.get(4) + "&order_status_id=6"));
    }

    @Test
    void filtersOnStatusAndDatetimesInAnyOffset() {
        store.api().contentType("application/json").body(Map.of("order_status_id", 2))
                .put("/orders/" + ids.get(1) + "/status").then().statusCode(200);
        assertEquals(List.of(ids.get(1)), idsWhere("order_status_id=2"));
        assertEquals(5 - 1, idsWhere("order_status_id=not:2").size());

        String updated = store.api().get("/orders/" + ids.get(2)).then().extract().path("updated_at");
        OffsetDateTime local = OffsetDateTime.parse(updated);
        String utc = local.toInstant().toString();
        String plusTwo = local.atZoneSameInstant(java.time.ZoneOffset.ofHours(2)).toOffsetDateTime().toString()
                .replace("+", "%2B");
        List<Long> afterUtc = idsWhere("updated_at=gt:" + utc);
        List<Long> afterPlusTwo = idsWhere("updated_at=gt:" + plusTwo);
        assertEquals(afterUtc, afterPlusTwo);
        assertFalse(afterUtc.contains(ids.get(2)));
        assertTrue(idsWhere("updated_at=gte:" + utc).contains(ids.get(2)));
        assertEquals(List.of(ids.get(2)), idsWhere("created_at=eq:" + store.api().get("/orders/" + ids.get(2))
                .then().extract().<String>path("created_at").replace("+", "%2B")));
        assertEquals(ids, idsWhere("ordered_at=lte:" + java.time.Instant.now().plusSeconds(5)));
        assertEquals(ids, idsWhere("customer_id=gt:0"));
        store.api().urlEncodingEnabled(false).get("/orders?updated_at=gt:yesterday").then().statusCode(400)
                .body("status_code", equalTo(400));
    }

    @Test
    void sortAscendingAndDescendingInBothSpellings() {
        List<Long> reversed = new ArrayList<>(ids);
        reversed.sort(Comparator.reverseOrder());
        assertEquals(reversed, idsWhere("sort=-id"));
        assertEquals(reversed, idsWhere("sort=id+desc"));
        assertEquals(ids, idsWhere("sort=id"));
        store.api().contentType("application/json").body(Map.of("order_status_id", 3))
                .put("/orders/" + ids.get(0) + "/status").then().statusCode(200);
        List<Long> byUpdated = idsWhere("sort=updated_at");
        assertEquals(ids.get(0), byUpdated.get(4), "the order changed last sorts last by updated_at");
        assertEquals(ids.get(0), idsWhere("sort=-updated_at").get(0));
    }

    @Test
    void pagesHaveAbsoluteLinksOnlyWhereThereIsAPage() {
        JsonPath first = store.api().get("/orders?count=2&fields=id").then().statusCode(200).extract().jsonPath();
        assertEquals(5, first.getInt("total_count"));
        assertEquals(ids.subList(0, 2), first.getList("orders.id", Long.class));
        String next = first.getString("next_page");
        assertTrue(next.startsWith("http://localhost:" + io.restassured.RestAssured.port + "/" + store.domain()
                + "/api/v1/orders?"), next);
        assertTrue(next.contains("count=2") && next.contains("fields=id") && next.endsWith("page=2"), next);
        assertFalse(first.getMap("$").containsKey("previous_page"));

        JsonPath second = io.restassured.RestAssured.given().header("X-AC-Auth-Token", store.token())
                .urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
        assertEquals(ids.subList(2, 4), second.getList("orders.id", Long.class));
        assertTrue(second.getString("previous_page").endsWith("page=1"));
        assertTrue(second.getString("next_page").endsWith("page=3"));

        store.api().get("/orders?count=2&page=3").then().statusCode(200)
                .body("$", not(hasKey("next_page"))).body("$", hasKey("previous_page"))
                .body("orders.size()", equalTo(1));
        store.api().get("/orders?count=2&page=4").then().statusCode(404).body("status_code", equalTo(404));
        store.api().get("/orders?page=2").then().statusCode(404);
        assertEquals(5, store.api().get("/orders").then().extract().jsonPath().getList("orders").size(),
                "count defaults to 100");
    }

    @Test
    void firstPageWithNoMatchIsAnEmptyList() {
        store.api().get("/orders?id=1").then().statusCode(200)
                .body("total_count", equalTo(0)).body("orders.size()", equalTo(0))
                .body("$", not(hasKey("next_page")));
        store.api().get("/orders?id=1&page=2").then().statusCode(404);
    }

    @Test
    void expandFillsOnlyTheDocumentedCollectionsAndFieldsPicksFields() {
        var plain = store.api().get("/orders/" + ids.get(0)).then().statusCode(200).extract().jsonPath();
        assertFalse(plain.getMap("$").containsKey("items"));
        var expanded = store.api().get("/orders?expand=items,payments,shipments,custom_fields,customer")
                .then().statusCode(200).extract().jsonPath();
        assertFalse(expanded.getList("orders[0].items").isEmpty());
        assertFalse(expanded.getList("orders[0].payments").isEmpty());
        assertEquals(List.of(), expanded.getList("orders[0].shipments"));
        assertTrue(expanded.getMap("orders[0]").containsKey("custom_fields"));
        assertFalse(expanded.getMap("orders[0]").containsKey("customer"), "customer is not expandable");
        assertEquals(ids.get(0), expanded.getLong("orders[0].items[0].order_id"));

        Map<String, Object> picked = store.api().get("/orders/" + ids.get(0) + "?fields=id,grand_total,items")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        assertEquals(List.of("id", "grand_total", "items"), new ArrayList<>(picked.keySet()));
        Map<String, Object> listed = store.api().get("/orders?fields=id,order_status_id").then()
                .extract().jsonPath().getMap("orders[0]");
        assertEquals(java.util.Set.of("id", "order_status_id"), listed.keySet());
        store.api().get("/orders/" + ids.get(0) + "/items").then().statusCode(200)
                .body("items[0].order_id", equalTo(ids.get(0).intValue()));
    }

    @Test
    void unknownOrderIs404() {
        store.api().get("/orders/1").then().statusCode(404).body("status_code", equalTo(404));
    }
}
