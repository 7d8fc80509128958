package com.orderdesk.cartcom.sandbox;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Test helper: creates isolated stores through the control API and calls their Cart.com API. */
final class SandboxClient {

    private static final AtomicInteger STORES = new AtomicInteger();

    private SandboxClient() {
    }

    /** A store with its own domain and a token; limit high enough that tests are never throttled by accident. */
    record Store(String domain, String token) {
        RequestSpecification api() {
            return given().header("X-AC-Auth-Token", token).basePath("/" + domain + "/api/v1");
        }

        RequestSpecification control() {
            return given().contentType(ContentType.JSON).basePath("/_sandbox/stores/" + domain);
        }

        List<Long> seed(int count, Long seed) {
            Map<String, Object> body = new HashMap<>();
            body.put("count", count);
            if (seed != null) {
                body.put("seed", seed);
            }
            return control().body(body).post("/orders/seed").then().statusCode(201)
                    .extract().jsonPath().getList("order_ids", Long.class);
        }
    }

    static Store newStore() {
        return newStore(Map.of("rate_limit", 100_000));
    }

    static Store newStore(Map<String, Object> settings) {
        Map<String, Object> body = new HashMap<>(settings);
        body.putIfAbsent("domain", "t" + STORES.incrementAndGet() + "-" + System.nanoTime() + ".sandbox.test");
        var json = given().contentType(ContentType.JSON).body(body).post("/_sandbox/stores")
                .then().statusCode(201).extract().jsonPath();
        return new Store(json.getString("domain"), json.getString("token"));
    }
}
