package com.orderdesk.cartcom.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StoreAndAuthTest {

    @Test
    void missingOrWrongTokenIs401WithCartcomErrorBodyAndCallLimit() {
        SandboxClient.Store store = SandboxClient.newStore();
        given().get("/" + store.domain() + "/api/v1/orders").then().statusCode(401)
                .header("X-AC-Call-Limit", matchesPattern("\\d+/100000"))
                .body("status_code", equalTo(401)).body("message", equalTo("Unauthorized"))
                .body("details", notNullValue());
        given().header("X-AC-Auth-Token", "wrong").get("/" + store.domain() + "/api/v1/orders").then()
                .statusCode(401).body("status_code", equalTo(401)).body("message", equalTo("Unauthorized"));
        store.api().get("/orders").then().statusCode(200);
    }

    @Test
    void unknownDomainIs404WithErrorBody() {
        given().header("X-AC-Auth-Token", "x").get("/nobody.sandbox.test/api/v1/orders").then()
                .statusCode(404).body("status_code", equalTo(404)).body("message", equalTo("Not Found"));
    }

    @Test
    void createdStoreReportsBaseUrlAndRejectsDuplicateDomain() {
        String domain = "dup-" + System.nanoTime() + ".sandbox.test";
        var created = given().contentType(ContentType.JSON).body(Map.of("domain", domain, "plan", "gold"))
                .post("/_sandbox/stores").then().statusCode(201)
                .body("domain", equalTo(domain)).body("rate_limit", equalTo(50)).body("plan", equalTo("gold"))
                .extract().jsonPath();
        assertEquals(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/" + domain + "/api/v1",
                created.getString("base_url"));
        given().contentType(ContentType.JSON).body(Map.of("domain", domain)).post("/_sandbox/stores")
                .then().statusCode(409);
        given().get("/_sandbox/stores/" + domain).then().statusCode(200).body("token", equalTo(created.getString("token")));
    }

    @Test
    void domainIsGeneratedWhenAbsentAndStoreDefaultsToSilver() {
        given().contentType(ContentType.JSON).body("{}").post("/_sandbox/stores").then().statusCode(201)
                .body("domain", matchesPattern("store-\\d+\\.sandbox\\.test"))
                .body("rate_limit", equalTo(20)).body("plan", equalTo("silver"))
                .body("utc_offset", equalTo("-06:00")).body("retry_after_format", equalTo("seconds"));
    }

    @Test
    void extraTokensWorkUntilRevoked() {
        SandboxClient.Store store = SandboxClient.newStore();
        String second = store.control().post("/tokens").then().statusCode(201).extract().path("token");
        assertNotEquals(store.token(), second);
        given().header("X-AC-Auth-Token", second).get("/" + store.domain() + "/api/v1/order_statuses")
                .then().statusCode(200);
        store.control().delete("/tokens/" + second).then().statusCode(204);
        given().header("X-AC-Auth-Token", second).get("/" + store.domain() + "/api/v1/order_statuses")
                .then().statusCode(401);
        store.api().get("/order_statuses").then().statusCode(200);
    }

    @Test
    void settingsCanBeChangedLater() {
        SandboxClient.Store store = SandboxClient.newStore();
        store.control().body(Map.of("plan", "steel", "utc_offset", "+05:30", "retry_after_format", "http-date"))
                .put("").then().statusCode(200)
                .body("rate_limit", equalTo(5)).body("utc_offset", equalTo("+05:30"))
                .body("retry_after_format", equalTo("http-date"));
        store.api().get("/orders").then().header("X-AC-Call-Limit", equalTo("1/5"));
        store.control().body(Map.of("plan", "nonsense")).put("").then().statusCode(400);
    }
}
