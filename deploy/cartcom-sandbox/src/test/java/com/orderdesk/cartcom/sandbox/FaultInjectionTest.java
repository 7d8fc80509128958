package com.orderdesk.cartcom.sandbox;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FaultInjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void errorRateAnswers500WithTheErrorBody() {
        SandboxClient.Store store = SandboxClient.newStore();
        store.control().body(Map.of("error_rate", 1.0)).put("/faults").then().statusCode(200);
        store.api().get("/orders").then().statusCode(500).body("status_code", equalTo(500));
        store.control().delete("/faults").then().statusCode(204);
        store.api().get("/orders").then().statusCode(200);
    }

    @Test
    void rateLimitedRateAnswers429WithRetryAfter() {
        SandboxClient.Store store = SandboxClient.newStore();
        store.control().body(Map.of("rate_limited_rate", 1.0)).put("/faults").then().statusCode(200);
        Response r = store.api().get("/orders");
        assertEquals(429, r.statusCode());
        assertNotNull(r.header("Retry-After"));
        assertEquals("100000/100000", r.header("X-AC-Call-Limit"));
    }

    @Test
    void timeoutHangsLongerThanTheClientWaitsThenAnswers() throws Exception {
        SandboxClient.Store store = SandboxClient.newStore();
        store.control().body(Map.of("timeout_rate", 1.0, "timeout_ms", 1500)).put("/faults").then().statusCode(200);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest impatient = HttpRequest.newBuilder(orders(store)).timeout(Duration.ofMillis(500))
                .header("X-AC-Auth-Token", store.token()).build();
        assertThrows(HttpTimeoutException.class, () -> client.send(impatient, java.net.http.HttpResponse.BodyHandlers.ofString()));

        long start = System.nanoTime();
        store.api().get("/orders").then().statusCode(200);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs >= 1400, "answered after " + tookMs + " ms");
    }

    @Test
    void malformedRateServesBodiesThatAreNotJson() {
        SandboxClient.Store store = SandboxClient.newStore();
        store.seed(2, 1L);
        store.control().body(Map.of("malformed_rate", 1.0, "seed", 3)).put("/faults").then().statusCode(200);
        for (int i = 0; i < 6; i++) {
            Response r = store.api().get("/orders");
            assertEquals(200, r.statusCode());
            String body = r.asString();
            assertThrows(Exception.class, () -> JSON.readTree(body).get("orders").size(), body);
        }
    }

    @Test
    void latencyDelaysEveryCall() {
        SandboxClient.Store store = SandboxClient.newStore();
        store.control().body(Map.of("latency_ms", 400)).put("/faults").then().statusCode(200);
        long start = System.nanoTime();
        store.api().get("/orders").then().statusCode(200);
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 380);
    }

    @Test
    void aSeedRepeatsTheSameFaultSequence() {
        SandboxClient.Store store = SandboxClient.newStore();
        Map<String, Object> faults = Map.of("error_rate", 0.3, "rate_limited_rate", 0.2, "seed", 99);
        store.control().body(faults).put("/faults").then().statusCode(200);
        List<Integer> first = statuses(store, 20);
        store.control().body(faults).put("/faults").then().statusCode(200);
        List<Integer> second = statuses(store, 20);
        assertEquals(first, second);
        assertTrue(first.contains(500) && first.contains(429) && first.contains(200), first.toString());
        store.control().body(Map.of("error_rate", 0.8, "rate_limited_rate", 0.5)).put("/faults").then().statusCode(400);
    }

    @Test
    void faultedCallsAreInTheCallLog() {
        SandboxClient.Store store = SandboxClient.newStore();
        store.control().body(Map.of("error_rate", 1.0)).put("/faults").then().statusCode(200);
        store.api().get("/orders").then().statusCode(500);
        store.control().get("/calls").then().body("size()", equalTo(1))
                .body("[0].status", equalTo(500)).body("[0].fault", equalTo("server_error"));
    }

    private static List<Integer> statuses(SandboxClient.Store store, int calls) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            statuses.add(store.api().get("/order_statuses").statusCode());
        }
        return statuses;
    }

    private static URI orders(SandboxClient.Store store) {
        return URI.create("http://localhost:" + io.restassured.RestAssured.port + "/" + store.domain() + "/api/v1/orders");
    }
}
