package com.orderdesk.cartcom.sandbox;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResetTest {

    @Test
    void resetForgetsEveryStore() {
        SandboxClient.Store store = SandboxClient.newStore();
        store.api().get("/orders").then().statusCode(200);
        given().post("/_sandbox/reset").then().statusCode(204);
        store.api().get("/orders").then().statusCode(404);
        given().get("/_sandbox/stores/" + store.domain()).then().statusCode(404);
    }
}
