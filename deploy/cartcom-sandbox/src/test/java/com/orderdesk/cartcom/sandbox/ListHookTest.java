package com.orderdesk.cartcom.sandbox;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The control API can move orders out of a filter between two list calls of a client that is paging. */
@QuarkusTest
class ListHookTest {

    @Test
    void ordersMoveAfterTheArmedListCallOnceSoOffsetPagingSkipsOrders() {
        SandboxClient.Store store = SandboxClient.newStore();
        List<Long> ids = store.control().body(Map.of("count", 5, "order_status_id", 1)).post("/orders/seed")
                .then().statusCode(201).extract().jsonPath().getList("order_ids", Long.class);
        store.control().body(Map.of("after_list_calls", 1, "order_ids", ids.subList(0, 2), "order_status_id", 3))
                .put("/list-hook").then().statusCode(200).body("fired", equalTo(false));

        String query = "/orders?order_status_id=eq:1&sort=id&count=2";
        assertEquals(ids.subList(0, 2), store.api().get(query).then().statusCode(200)
                .extract().jsonPath().getList("orders.id", Long.class));
        store.control().get("/list-hook").then().statusCode(200).body("fired", equalTo(true));
        store.control().get("/orders/" + ids.get(0)).then().body("order_status_id", equalTo(3))
                .body("previous_order_status_id", equalTo(1));

        // Page 2 of the same query now starts at the 5th order: the 3rd and 4th moved up to page 1, unseen.
        assertEquals(List.of(ids.get(4)), store.api().get(query + "&page=2").then().statusCode(200)
                .extract().jsonPath().getList("orders.id", Long.class));
        // Once only: moving an order back is not undone by later list calls.
        store.control().body(Map.of("order_status_id", 1)).put("/orders/" + ids.get(0) + "/status").then().statusCode(200);
        store.api().get(query).then().statusCode(200);
        store.control().get("/orders/" + ids.get(0)).then().body("order_status_id", equalTo(1));

        store.control().delete("/list-hook").then().statusCode(204);
        store.control().get("/list-hook").then().statusCode(404);
        store.control().body(Map.of("order_ids", List.of(ids.get(0)), "order_status_id", 77)).put("/list-hook")
                .then().statusCode(400);
    }
}
