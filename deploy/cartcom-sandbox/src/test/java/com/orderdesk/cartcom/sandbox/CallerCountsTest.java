package com.orderdesk.cartcom.sandbox;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every service spends the same store's call budget: the sandbox tells who called and who was answered 429, and why. */
@QuarkusTest
class CallerCountsTest {

    private static final String POLLER = "orderdesk-cartcom/order-poller";
    private static final String IMPORTER = "orderdesk-cartcom/order-importer";

    @TestHTTPResource("/")
    URL sandbox;

    @Test
    void callsAndTheirTwoKindsOf429AreCountedPerCallerAndLogged() throws IOException {
        SandboxClient.Store store = SandboxClient.newStore(Map.of("rate_limit", 3, "window_seconds", 60));
        call(store, POLLER).then().statusCode(200);
        call(store, IMPORTER).then().statusCode(200);
        store.control().body(Map.of("rate_limited_rate", 1.0)).put("/faults").then().statusCode(200);
        call(store, POLLER).then().statusCode(429); // simulated: the window still had its third call
        store.control().delete("/faults").then().statusCode(204);
        call(store, IMPORTER).then().statusCode(429); // the window is full
        call(store, POLLER).then().statusCode(429);
        assertTrue(callWithoutUserAgent(store).startsWith("HTTP/1.1 429"));
        call(store, "x".repeat(300)).then().statusCode(429);

        JsonPath callers = store.control().get("/callers").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(
                        counts(POLLER, 3, 1, 1), counts(IMPORTER, 2, 1, 0), counts(null, 1, 1, 0),
                        counts("x".repeat(100), 1, 1, 0)),
                callers.getList("callers"));
        assertEquals(Map.of("plan", "custom", "rate_limit", 3, "window_seconds", 60), callers.getMap("window"));

        List<String> logged = store.control().get("/calls").then().extract().jsonPath().getList("caller");
        assertEquals(List.of(POLLER, IMPORTER, POLLER, IMPORTER, POLLER), logged.subList(0, 5));
        assertEquals(null, logged.get(5));
        assertEquals("x".repeat(100), logged.get(6));
    }

    @Test
    void deletingTheCountsStartsThemAfreshAndLeavesTheCallLog() {
        SandboxClient.Store store = SandboxClient.newStore(Map.of("plan", "bronze"));
        call(store, POLLER).then().statusCode(200);
        String since = store.control().get("/callers").then().extract().jsonPath().getString("since");

        store.control().delete("/callers").then().statusCode(204);

        JsonPath callers = store.control().get("/callers").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), callers.getList("callers"));
        assertNotEquals(since, callers.getString("since"));
        assertEquals(Map.of("plan", "bronze", "rate_limit", 10, "window_seconds", 10), callers.getMap("window"));
        store.control().get("/calls").then().body("size()", equalTo(1));
        io.restassured.RestAssured.given().get("/_sandbox/stores/no-such.sandbox.test/callers").then().statusCode(404);
    }

    /** A flood of made-up User-Agents cannot grow a store's counts without bound: past 100 they are counted together. */
    @Test
    void callersPastTheHundredthAreCountedTogether() {
        SandboxClient.Store store = SandboxClient.newStore();
        for (int i = 1; i <= 103; i++) {
            call(store, "caller-" + i).then().statusCode(200);
        }
        call(store, "caller-1").then().statusCode(200);

        List<Map<String, Object>> callers = store.control().get("/callers").then().extract().jsonPath().getList("callers");
        assertEquals(101, callers.size());
        assertEquals(counts("caller-1", 2, 0, 0), callers.get(0));
        assertEquals(counts("(other callers)", 3, 0, 0), callers.get(100));
    }

    private static io.restassured.response.Response call(SandboxClient.Store store, String userAgent) {
        return store.api().header("User-Agent", userAgent).get("/order_statuses");
    }

    /** Every HTTP client library adds a User-Agent of its own; a bare socket sends none. */
    private String callWithoutUserAgent(SandboxClient.Store store) throws IOException {
        try (Socket socket = new Socket(sandbox.getHost(), sandbox.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /" + store.domain() + "/api/v1/order_statuses HTTP/1.1\r\nHost: " + sandbox.getHost()
                    + "\r\nX-AC-Auth-Token: " + store.token() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> counts(String caller, int calls, int rateLimited, int faults429) {
        Map<String, Object> counts = new HashMap<>();
        counts.put("caller", caller);
        counts.put("calls", calls);
        counts.put("rate_limited", rateLimited);
        counts.put("faults_429", faults429);
        return counts;
    }
}
