package com.orderdesk.cartcom.sandbox;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /api/v1/webhooks: subscriptions are records like any other, checked strictly, at most 100 per store. */
@QuarkusTest
class WebhookSubscriptionsTest {

    @Test
    void createReadUpdateListAndDelete() {
        SandboxClient.Store store = SandboxClient.newStore();
        long id = store.api().contentType("application/json")
                .body(Map.of("event_type", "NewOrder", "url", "https://hooks.example/new"))
                .post("/webhooks").then().statusCode(201)
                .body("event_type", equalTo("NewOrder")).body("url", equalTo("https://hooks.example/new"))
                .body("failure_type", equalTo("Ignore")).body("cache_length", equalTo("NoCache"))
                .body("store_id", equalTo(1)).body("fallback_url", nullValue())
                .extract().jsonPath().getLong("id");
        store.api().contentType("application/json")
                .body(Map.of("event_type", "OrderStatusChanged", "url", "http://hooks.example/status"))
                .post("/webhooks").then().statusCode(201);

        store.api().get("/webhooks/" + id).then().statusCode(200).body("url", equalTo("https://hooks.example/new"));
        store.api().contentType("application/json")
                .body(Map.of("failure_type", "Fallback", "fallback_url", "https://hooks.example/fallback"))
                .put("/webhooks/" + id).then().statusCode(200)
                .body("failure_type", equalTo("Fallback")).body("event_type", equalTo("NewOrder"));

        store.api().get("/webhooks?event_type=NewOrder").then().statusCode(200)
                .body("total_count", equalTo(1)).body("webhooks[0].fallback_url", equalTo("https://hooks.example/fallback"));
        store.api().get("/webhooks?count=1").then().statusCode(200)
                .body("total_count", equalTo(2)).body("next_page", containsString("page=2"));

        store.api().delete("/webhooks/" + id).then().statusCode(204);
        store.api().get("/webhooks/" + id).then().statusCode(404);
        store.api().delete("/webhooks/" + id).then().statusCode(404);
        store.control().get("/webhooks").then().body("subscriptions.size()", equalTo(1))
                .body("subscriptions[0].event_type", equalTo("OrderStatusChanged"));
        io.restassured.RestAssured.given().basePath("/" + store.domain() + "/api/v1").get("/webhooks")
                .then().statusCode(401); // the API's own rules apply: no token, no subscriptions
        store.control().get("/calls").then().body("find { it.method == 'DELETE' }.status", equalTo(204));
    }

    @Test
    void badSubscriptionsAreRefusedAndChangeNothing() {
        SandboxClient.Store store = SandboxClient.newStore();
        String longUrl = "https://hooks.example/" + "a".repeat(2030);
        for (Map<String, Object> bad : new Map[] {
                Map.of("event_type", "OrderPlace", "url", "https://hooks.example/x"),
                Map.of("event_type", "NewOrder", "url", "/relative/path"),
                Map.of("event_type", "NewOrder", "url", "ftp://hooks.example/x"),
                Map.of("event_type", "NewOrder", "url", longUrl),
                Map.of("event_type", "NewOrder"),
                Map.of("event_type", "NewOrder", "url", "https://hooks.example/x", "failure_type", "Retry"),
                Map.of("event_type", "NewOrder", "url", "https://hooks.example/x", "cache_length", "Forever"),
                Map.of("event_type", "NewOrder", "url", "https://hooks.example/x", "failure_type", "Fallback"),
                Map.of("event_type", "NewOrder", "url", "https://hooks.example/x", "store_id", "one")}) {
            store.api().contentType("application/json").body(bad).post("/webhooks").then()
                    .statusCode(409).body("status_code", equalTo(409));
        }
        store.api().contentType("application/json").body("not json").post("/webhooks").then().statusCode(400);
        store.api().get("/webhooks").then().statusCode(200).body("total_count", equalTo(0));

        long id = store.api().contentType("application/json")
                .body(Map.of("event_type", "NewOrder", "url", "https://hooks.example/x"))
                .post("/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
        store.api().contentType("application/json").body(Map.of("url", "nope", "event_type", "NewValidOrder"))
                .put("/webhooks/" + id).then().statusCode(409);
        store.api().get("/webhooks/" + id).then().body("url", equalTo("https://hooks.example/x"))
                .body("event_type", equalTo("NewOrder"));
        store.api().contentType("application/json").body(Map.of("url", "https://hooks.example/y"))
                .put("/webhooks/999").then().statusCode(404);
    }

    @Test
    void aStoreHoldsAtMostOneHundredSubscriptions() {
        SandboxClient.Store store = SandboxClient.newStore();
        Map<String, Object> body = new HashMap<>(Map.of("event_type", "NewOrder"));
        for (int i = 0; i < 100; i++) {
            body.put("url", "https://hooks.example/" + i);
            store.api().contentType("application/json").body(body).post("/webhooks").then().statusCode(201);
        }
        body.put("url", "https://hooks.example/one-too-many");
        store.api().contentType("application/json").body(body).post("/webhooks").then().statusCode(409)
                .body("details", containsString("at most 100"));
        store.api().get("/webhooks").then().body("total_count", equalTo(100));
    }
}
