package com.orderdesk.cartcom.sandbox;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderWritesTest extends SeededStoreTest {

    OrderWritesTest() {
        super(3, 11L);
    }

    @Test
    void statusPutMovesTheOrderAndRemembersThePreviousStatus() {
        long id = ids.get(0);
        JsonPath before = store.api().get("/orders/" + id).then().extract().jsonPath();
        JsonPath after = store.api().contentType("application/json").body(Map.of("order_status_id", 2))
                .put("/orders/" + id + "/status").then().statusCode(200).extract().jsonPath();
        assertEquals(id, after.getLong("id"));
        assertEquals(2, after.getInt("order_status_id"));
        assertEquals(before.getInt("order_status_id"), after.getInt("previous_order_status_id"));
        assertTrue(OffsetDateTime.parse(after.getString("updated_at"))
                .isAfter(OffsetDateTime.parse(before.getString("updated_at"))));
        assertEquals(after.getString("updated_at"), after.getString("order_status_last_changed_at"));
        store.api().get("/orders/" + id).then().body("order_status_id", equalTo(2));

        store.api().contentType("application/json").body(Map.of("order_status_id", 999))
                .put("/orders/" + id + "/status").then().statusCode(409).body("status_code", equalTo(409));
        store.api().contentType("application/json").body(Map.of("other", 1))
                .put("/orders/" + id + "/status").then().statusCode(400);
        store.api().contentType("application/json").body(Map.of("order_status_id", 2))
                .put("/orders/1/status").then().statusCode(404);
    }

    @Test
    void nineDefaultStatusesWithFlagsAndMerchantEdits() {
        JsonPath statuses = store.api().get("/order_statuses").then().statusCode(200).extract().jsonPath();
        assertEquals(9, statuses.getInt("total_count"));
        assertEquals("Pending Processing", statuses.getString("order_statuses.find { it.id == 1 }.name"));
        assertEquals(true, statuses.getBoolean("order_statuses.find { it.id == 1 }.is_open"));
        assertEquals(true, statuses.getBoolean("order_statuses.find { it.name == 'Shipped' }.is_shipped"));
        assertEquals(true, statuses.getBoolean("order_statuses.find { it.name == 'Cancelled' }.is_cancelled"));
        assertEquals(true, statuses.getBoolean("order_statuses.find { it.name == 'Declined' }.is_declined"));
        assertEquals(true, statuses.getBoolean("order_statuses.find { it.name == 'Quote' }.is_quote_status"));
        for (String flag : List.of("is_fully_refunded", "is_partially_refunded", "is_partially_shipped")) {
            assertEquals(9, statuses.getList("order_statuses." + flag).size());
        }

        store.control().body(Map.of("name", "Ready for Pickup", "is_open", false, "is_shipped", true))
                .put("/order_statuses/2").then().statusCode(200).body("name", equalTo("Ready for Pickup"));
        store.control().body(Map.of("name", "Awaiting Stock", "is_open", true)).post("/order_statuses")
                .then().statusCode(201).body("id", equalTo(10));
        statuses = store.api().get("/order_statuses").then().extract().jsonPath();
        assertEquals(10, statuses.getInt("total_count"));
        assertEquals(true, statuses.getBoolean("order_statuses.find { it.id == 2 }.is_shipped"));
        assertEquals("Awaiting Stock", statuses.getString("order_statuses.find { it.id == 10 }.name"));
        store.api().contentType("application/json").body(Map.of("order_status_id", 10))
                .put("/orders/" + ids.get(0) + "/status").then().statusCode(200);
        store.control().body(Map.of("name", "x")).put("/order_statuses/77").then().statusCode(404);
    }

    @Test
    void addressesAndCustomersByIdFilterAndSelectMany() {
        JsonPath order = store.api().get("/orders/" + ids.get(0)).then().extract().jsonPath();
        long shipTo = order.getLong("order_shipping_address_id");
        long customer = order.getLong("customer_id");
        store.api().get("/order_addresses/" + shipTo).then().statusCode(200)
                .body("id", equalTo((int) shipTo)).body("customer_id", equalTo((int) customer));
        store.api().get("/order_addresses?id=" + shipTo).then().statusCode(200)
                .body("total_count", equalTo(1)).body("addresses[0].id", equalTo((int) shipTo));
        store.api().get("/customers/" + customer).then().statusCode(200).body("id", equalTo((int) customer));
        store.api().get("/customers?id=" + customer).then().body("customers[0].id", equalTo((int) customer));

        List<Long> addressIds = store.api().get("/order_addresses").then().extract().jsonPath()
                .getList("addresses.id", Long.class);
        String wanted = addressIds.get(0) + "," + addressIds.get(addressIds.size() - 1) + ",99999";
        store.api().urlEncodingEnabled(false).get("/order_addresses/select_many?ids=" + wanted).then().statusCode(200)
                .body("total_count", equalTo(2))
                .body("addresses.id", equalTo(List.of(addressIds.get(0).intValue(),
                        addressIds.get(addressIds.size() - 1).intValue())));
        store.api().urlEncodingEnabled(false).get("/customers/select_many?ids=" + customer + ",88888").then()
                .statusCode(200).body("total_count", equalTo(1)).body("customers[0].id", equalTo((int) customer));
        store.api().get("/customers/select_many").then().statusCode(400).body("status_code", equalTo(400));
        store.api().get("/order_addresses/99999").then().statusCode(404);
    }

    @Test
    void shipmentNameIsAnUpsertKeyAndTheStatusStays() {
        long id = ids.get(1);
        JsonPath order = store.api().get("/orders/" + id + "?expand=items").then().extract().jsonPath();
        long itemId = order.getLong("items[0].id");
        int statusBefore = order.getInt("order_status_id");
        Map<String, Object> shipment = Map.of("order_id", id, "shipped_at", "2024-03-01T10:00:00Z",
                "tracking_numbers", "1Z999", "tracking_url", "https://ups.example/1Z999",
                "shipping_method", "UPS Ground", "shipping_provider_name", "UPS", "shipment_name", "OD-1",
                "items", List.of(Map.of("id", itemId, "quantity_shipped", 1)));
        long shipmentId = store.api().contentType("application/json").body(shipment).post("/order_shipments")
                .then().statusCode(201).body("tracking_numbers", equalTo("1Z999"))
                .body("shipped_at", equalTo("2024-03-01T04:00:00-06:00"))
                .body("items[0].id", equalTo((int) itemId)).extract().jsonPath().getLong("id");

        Map<String, Object> again = new java.util.HashMap<>(shipment);
        again.put("tracking_numbers", "1Z888");
        store.api().contentType("application/json").body(again).post("/order_shipments").then().statusCode(200)
                .body("id", equalTo((int) shipmentId)).body("tracking_numbers", equalTo("1Z888"));

        store.api().get("/order_shipments?order_id=" + id).then().statusCode(200)
                .body("total_count", equalTo(1)).body("shipments[0].tracking_numbers", equalTo("1Z888"));
        store.api().get("/order_shipments/" + shipmentId + "?expand=items").then().statusCode(200)
                .body("items[0].quantity_shipped", equalTo(1));
        JsonPath expanded = store.api().get("/orders/" + id + "?expand=shipments").then().extract().jsonPath();
        assertEquals(1, expanded.getList("shipments").size());
        assertEquals("OD-1", expanded.getString("shipments[0].shipment_name"));
        assertEquals(statusBefore, expanded.getInt("order_status_id"), "a shipment does not change the status");

        Map<String, Object> other = new java.util.HashMap<>(shipment);
        other.put("shipment_name", "OD-2");
        store.api().contentType("application/json").body(other).post("/order_shipments").then().statusCode(201);
        store.api().get("/order_shipments?order_id=" + id).then().body("total_count", equalTo(2));
        store.api().get("/order_shipments?order_id=" + ids.get(0)).then().body("total_count", equalTo(0));
        store.control().get("/orders/" + id).then().body("shipments.size()", equalTo(2));

        other.put("items", List.of(Map.of("id", 987654, "quantity_shipped", 1)));
        store.api().contentType("application/json").body(other).post("/order_shipments").then().statusCode(409);
        store.api().contentType("application/json").body(Map.of("order_id", 1, "shipment_name", "x"))
                .post("/order_shipments").then().statusCode(409);
        store.api().contentType("application/json").body(Map.of("shipment_name", "x"))
                .post("/order_shipments").then().statusCode(400);
    }

    @Test
    void merchantStatusChangeThroughControlApiBumpsUpdatedAt() {
        long id = ids.get(2);
        String before = store.api().get("/orders/" + id).then().extract().path("updated_at");
        store.control().body(Map.of("order_status_id", 4)).put("/orders/" + id + "/status").then().statusCode(200)
                .body("order_status_id", equalTo(4));
        String after = store.api().get("/orders/" + id).then().body("order_status_id", equalTo(4))
                .extract().path("updated_at");
        assertNotEquals(before, after);
        assertTrue(OffsetDateTime.parse(after).isAfter(OffsetDateTime.parse(before)));
        store.control().body(Map.of("order_status_id", 404)).put("/orders/" + id + "/status").then().statusCode(409);
    }
}
