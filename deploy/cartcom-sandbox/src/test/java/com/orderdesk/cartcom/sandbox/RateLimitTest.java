package com.orderdesk.cartcom.sandbox;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RateLimitTest {

    @Test
    void steelPlanAllowsFiveCallsThen429WithSecondsRetryAfter() {
        SandboxClient.Store store = SandboxClient.newStore(Map.of("plan", "steel"));
        for (int i = 1; i <= 5; i++) {
            store.api().get("/order_statuses").then().statusCode(200).header("X-AC-Call-Limit", equalTo(i + "/5"));
        }
        Response limited = store.api().get("/order_statuses");
        assertEquals(429, limited.statusCode());
        assertEquals("5/5", limited.header("X-AC-Call-Limit"));
        int seconds = Integer.parseInt(limited.header("Retry-After"));
        assertTrue(seconds >= 1 && seconds <= 10, "Retry-After " + seconds);
        limited.then().body("status_code", equalTo(429)).body("message", equalTo("Too Many Requests"));
    }

    @Test
    void plansHaveTheirDocumentedLimits() {
        for (var plan : Map.of("steel", 5, "bronze", 10, "silver", 20, "gold", 50).entrySet()) {
            SandboxClient.Store store = SandboxClient.newStore(Map.of("plan", plan.getKey()));
            store.api().get("/order_statuses").then().header("X-AC-Call-Limit", equalTo("1/" + plan.getValue()));
        }
    }

    @Test
    void httpDateRetryAfterPointsAtTheWindowEnd() {
        SandboxClient.Store store = SandboxClient.newStore(Map.of("rate_limit", 2, "window_seconds", 10,
                "retry_after_format", "http-date"));
        store.api().get("/orders").then().statusCode(200);
        store.api().get("/orders").then().statusCode(200);
        Response limited = store.api().get("/orders");
        assertEquals(429, limited.statusCode());
        ZonedDateTime retryAt = ZonedDateTime.parse(limited.header("Retry-After"), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(ZonedDateTime.now(), retryAt);
        assertTrue(!wait.isNegative() && wait.getSeconds() <= 11, "Retry-After " + limited.header("Retry-After"));
    }

    @Test
    void windowResetsAfterItsLengthAndUnauthorisedCallsCount() throws InterruptedException {
        SandboxClient.Store store = SandboxClient.newStore(Map.of("rate_limit", 3, "window_seconds", 1));
        io.restassured.RestAssured.given().get("/" + store.domain() + "/api/v1/orders").then().statusCode(401)
                .header("X-AC-Call-Limit", equalTo("1/3"));
        store.api().get("/orders").then().statusCode(200).header("X-AC-Call-Limit", equalTo("2/3"));
        store.api().get("/orders").then().statusCode(200);
        store.api().get("/orders").then().statusCode(429);
        Thread.sleep(1100);
        store.api().get("/orders").then().statusCode(200).header("X-AC-Call-Limit", equalTo("1/3"));
    }

    @Test
    void controlApiIsNotRateLimited() {
        SandboxClient.Store store = SandboxClient.newStore(Map.of("rate_limit", 1));
        for (int i = 0; i < 5; i++) {
            store.control().get("").then().statusCode(200);
        }
        store.api().get("/orders").then().statusCode(200).header("X-AC-Call-Limit", equalTo("1/1"));
    }
}
