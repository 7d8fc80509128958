package com.orderdesk.cartcom.sandbox;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeedAndControlTest {

    @Test
    void seededOrdersAreRealistic() {
        SandboxClient.Store store = SandboxClient.newStore();
        List<Long> ids = store.seed(40, 2024L);
        assertEquals(40, ids.size());
        JsonPath all = store.api().get("/orders?expand=items,payments,custom_fields").then().extract().jsonPath();
        assertEquals(40, all.getInt("total_count"));
        int withVariants = 0;
        int multiLine = 0;
        int withCustomFields = 0;
        int withGift = 0;
        for (int i = 0; i < 40; i++) {
            String o = "orders[" + i + "]";
            List<Map<String, Object>> items = all.getList(o + ".items");
            assertFalse(items.isEmpty());
            multiLine += items.size() > 1 ? 1 : 0;
            withVariants += items.stream().anyMatch(it -> it.get("variant_inventory_id") != null) ? 1 : 0;
            withCustomFields += all.getList(o + ".custom_fields").isEmpty() ? 0 : 1;
            withGift += all.getString(o + ".gift_message").isEmpty() ? 0 : 1;
            assertEquals(1, all.getList(o + ".payments").size());
            BigDecimal total = new BigDecimal(all.getString(o + ".subtotal")).add(new BigDecimal(all.getString(o + ".tax_total")))
                    .add(new BigDecimal(all.getString(o + ".shipping_total")));
            assertEquals(0, total.compareTo(new BigDecimal(all.getString(o + ".grand_total"))));
            store.api().get("/order_addresses/" + all.getLong(o + ".order_billing_address_id")).then().statusCode(200);
            store.api().get("/customers/" + all.getLong(o + ".customer_id")).then().statusCode(200);
        }
        assertTrue(withVariants > 0 && multiLine > 0 && withCustomFields > 0 && withGift > 0,
                "variants " + withVariants + ", multi " + multiLine + ", custom " + withCustomFields + ", gift " + withGift);
        assertEquals(1, all.getInt("orders.findAll { it.order_status_id == 1 }.size()") / 40);
    }

    @Test
    void theSameSeedGivesTheSameOrders() {
        SandboxClient.Store a = SandboxClient.newStore();
        SandboxClient.Store b = SandboxClient.newStore();
        SandboxClient.Store c = SandboxClient.newStore();
        assertEquals(a.seed(5, 77L), b.seed(5, 77L));
        c.seed(5, 78L);
        String query = "/orders?expand=items&fields=id,grand_total,items";
        List<Object> itemsA = a.api().get(query).then().extract().jsonPath().getList("orders.items.item_number");
        List<Object> itemsB = b.api().get(query).then().extract().jsonPath().getList("orders.items.item_number");
        List<Object> itemsC = c.api().get(query).then().extract().jsonPath().getList("orders.items.item_number");
        assertEquals(itemsA, itemsB);
        assertNotEquals(itemsA, itemsC);
        assertEquals(a.api().get("/customers?fields=email").asString(), b.api().get("/customers?fields=email").asString());
    }

    @Test
    void seedWithStatusAndPastDates() {
        SandboxClient.Store store = SandboxClient.newStore();
        store.control().body(Map.of("count", 3, "order_status_id", 2, "days_back", 5)).post("/orders/seed")
                .then().statusCode(201).body("order_ids.size()", equalTo(3));
        JsonPath orders = store.api().get("/orders").then().extract().jsonPath();
        assertEquals(List.of(2, 2, 2), orders.getList("orders.order_status_id"));
        store.control().body(Map.of("count", 1, "order_status_id", 55)).post("/orders/seed").then().statusCode(409);
        store.control().body(Map.of("count", 0)).post("/orders/seed").then().statusCode(400);
    }

    @Test
    void oneOrderWithChosenItemsIsReturnedWithEverythingForAssertions() {
        SandboxClient.Store store = SandboxClient.newStore();
        JsonPath order = store.control().body(Map.of("order_status_id", 1, "gift_message", "Enjoy!",
                        "items", List.of(Map.of("item_number", "SKU-A", "item_name", "Thing A", "price", 12.5, "quantity", 2),
                                Map.of("item_number", "SKU-B", "price", 3, "variant", "Color: Red", "personalization", "Hi"))))
                .post("/orders").then().statusCode(201).extract().jsonPath();
        assertEquals(2, order.getList("items").size());
        assertEquals("SKU-A", order.getString("items[0].item_number"));
        assertEquals(2, order.getInt("items[0].quantity"));
        assertEquals("Color: Red", order.getString("items[1].variants[0].description"));
        assertEquals("Hi", order.getString("items[1].personalizations[0].answer"));
        assertEquals(0, new BigDecimal("28.00").compareTo(new BigDecimal(order.getString("subtotal"))));
        assertEquals("Enjoy!", order.getString("gift_message"));
        assertTrue(order.getBoolean("is_gift"));
        assertEquals(order.getLong("order_shipping_address_id"), order.getLong("shipping_address.id"));
        long id = order.getLong("id");
        store.control().get("/orders/" + id).then().statusCode(200).body("id", equalTo((int) id));
        store.control().get("/orders/1").then().statusCode(404);
        store.api().get("/orders/" + id).then().statusCode(200);
    }

    @Test
    void callLogRecordsEveryCartcomCallButNoControlCall() {
        SandboxClient.Store store = SandboxClient.newStore(Map.of("rate_limit", 2));
        long id = store.seed(1, 1L).get(0);
        store.api().header("Cache-Control", "no-cache").get("/orders/" + id).then().statusCode(200);
        io.restassured.RestAssured.given().get("/" + store.domain() + "/api/v1/orders").then().statusCode(401);
        store.api().urlEncodingEnabled(false).get("/orders?updated_at=gt:2020-01-01T00:00:00Z&sort=updated_at")
                .then().statusCode(429);
        store.control().get("").then().statusCode(200);
        JsonPath calls = store.control().get("/calls").then().statusCode(200).extract().jsonPath();
        assertEquals(3, calls.getList("$").size());
        assertEquals(List.of(200, 401, 429), calls.getList("status"));
        assertEquals("/api/v1/orders/" + id, calls.getString("[0].path"));
        assertEquals("GET", calls.getString("[0].method"));
        assertEquals("updated_at=gt:2020-01-01T00:00:00Z&sort=updated_at", calls.getString("[2].query"));
        assertTrue(calls.getString("[0].at").endsWith("Z"));
        assertEquals("no-cache", calls.getString("[0].cache_control"));
        assertNull(calls.getString("[1].cache_control"));
        store.control().delete("/calls").then().statusCode(204);
        store.control().get("/calls").then().body("size()", equalTo(0));
    }

    /** A write's body is logged (a repeated write shows even where the store merges it); a read has none. */
    @Test
    void callLogKeepsWhatEachWriteSent() {
        SandboxClient.Store store = SandboxClient.newStore(Map.of());
        long id = store.seed(1, 1L).get(0);
        store.api().get("/orders/" + id).then().statusCode(200);
        store.api().contentType("application/json").body("{\"order_status_id\": 2}")
                .put("/orders/" + id + "/status").then().statusCode(200);
        JsonPath calls = store.control().get("/calls").then().statusCode(200).extract().jsonPath();
        assertNull(calls.getString("[0].body"));
        assertEquals("{\"order_status_id\": 2}", calls.getString("[1].body"));
    }
}
