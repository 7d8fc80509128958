package com.orderdesk.cartcom.sandbox;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hostile modes (PUT /_sandbox/stores/{domain}/hostile): one store misbehaves, another beside it stays healthy. */
@QuarkusTest
class HostileModesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void nextPageNamesAnotherHostAndNothingElseIsAsked() {
        SandboxClient.Store hostile = SandboxClient.newStore();
        SandboxClient.Store healthy = SandboxClient.newStore();
        hostile.seed(3, 1L);
        healthy.seed(3, 1L);
        hostile.control().body(Map.of("next_page_url", "http://169.254.169.254/latest/meta-data/?page={page}"))
                .put("/hostile").then().statusCode(200)
                .body("next_page_url", equalTo("http://169.254.169.254/latest/meta-data/?page={page}"));

        hostile.api().get("/orders?count=1").then().statusCode(200)
                .body("next_page", equalTo("http://169.254.169.254/latest/meta-data/?page=2"));
        // Also on the last page, and on order_statuses: every paged list names it.
        hostile.api().get("/orders?count=100").then().statusCode(200)
                .body("next_page", equalTo("http://169.254.169.254/latest/meta-data/?page=2"));
        hostile.api().get("/order_statuses").then().statusCode(200)
                .body("next_page", equalTo("http://169.254.169.254/latest/meta-data/?page=2"));
        hostile.control().get("/calls").then().body("size()", equalTo(3)).body("[0].fault", equalTo(null));

        healthy.api().get("/orders?count=1").then().statusCode(200).body("next_page",
                equalTo("http://localhost:" + RestAssured.port + "/" + healthy.domain() + "/api/v1/orders?count=1&page=2"));
        healthy.api().get("/orders?count=100").then().statusCode(200).body("next_page", equalTo(null));

        hostile.control().body(Map.of("next_page_url", "https://attacker.example/steal")).put("/hostile").then().statusCode(200);
        hostile.api().get("/orders?count=1").then().body("next_page", equalTo("https://attacker.example/steal"));

        hostile.control().delete("/hostile").then().statusCode(204);
        hostile.api().get("/orders?count=100").then().statusCode(200).body("next_page", equalTo(null));
    }

    @Test
    void nextPageDowngradesToPlainHttpOnTheSameHost() {
        SandboxClient.Store store = SandboxClient.newStore();
        store.seed(2, 1L);
        store.control().body(Map.of("next_page_scheme", "http")).put("/hostile").then().statusCode(200);
        String next = store.api().header("X-Forwarded-Proto", "https").get("/orders?count=1")
                .then().statusCode(200).extract().path("next_page");
        assertTrue(next.startsWith("http://localhost"), next);
        assertTrue(next.endsWith("/" + store.domain() + "/api/v1/orders?count=1&page=2"), next);
        // On the last page too.
        String last = store.api().header("X-Forwarded-Proto", "https").get("/orders?count=1&page=2")
                .then().statusCode(200).extract().path("next_page");
        assertTrue(last.startsWith("http://") && last.endsWith("page=3"), last);
        // Without the mode a forwarded https request gets https links.
        store.control().delete("/hostile").then().statusCode(204);
        String healthy = store.api().header("X-Forwarded-Proto", "https").get("/orders?count=1")
                .then().statusCode(200).extract().path("next_page");
        assertTrue(healthy.startsWith("https://"), healthy);
    }

    @Test
    void endlessNextPageNeverEndsAndPagesPastTheDataAreEmpty() {
        SandboxClient.Store store = SandboxClient.newStore();
        store.seed(2, 1L);
        store.control().body(Map.of("endless_next_page", true)).put("/hostile").then().statusCode(200);
        for (int page = 1; page <= 30; page++) {
            Response r = store.api().get("/orders?count=1&page=" + page);
            assertEquals(200, r.statusCode());
            assertTrue(r.jsonPath().getString("next_page").endsWith("page=" + (page + 1)));
            assertEquals(page <= 2 ? 1 : 0, r.jsonPath().getList("orders").size());
        }
        store.control().delete("/hostile").then().statusCode(204);
        store.api().get("/orders?count=1&page=3").then().statusCode(404);
        store.api().get("/orders?count=1&page=2").then().statusCode(200).body("next_page", equalTo(null));
    }

    @Test
    void aHugeListAnswerIsStreamedWithoutGrowingTheSandboxHeap() throws Exception {
        SandboxClient.Store hostile = SandboxClient.newStore();
        SandboxClient.Store healthy = SandboxClient.newStore();
        hostile.seed(1, 1L);
        healthy.seed(1, 1L);
        hostile.control().body(Map.of("huge_body_mb", 50)).put("/hostile").then().statusCode(200);

        long baseline = heapAfterGc();
        HttpResponse<InputStream> r = HTTP1.send(get(hostile, "/orders"), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Length").isEmpty(), "chunked, no Content-Length");
        long read = 0;
        long midHeap = -1;
        byte[] buffer = new byte[64 * 1024];
        byte[] start = new byte[0];
        try (InputStream in = r.body()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (start.length == 0) {
                    start = java.util.Arrays.copyOf(buffer, Math.min(n, 40));
                }
                read += n;
                if (midHeap < 0 && read > 25L * 1024 * 1024) {
                    midHeap = heapAfterGc();
                    // The sandbox answers another store while the huge answer is still being sent.
                    healthy.api().get("/orders").then().statusCode(200).body("orders.size()", equalTo(1));
                }
            }
        }
        assertTrue(read >= 50L * 1024 * 1024 - 4096 && read <= 50L * 1024 * 1024 + 4096, "read " + read);
        assertTrue(new String(start).startsWith("{\"total_count\":"), new String(start));
        // Sandbox and test share this JVM: a 50 MB answer built in memory would show here.
        assertTrue(midHeap > 0, "heap was measured mid-answer");
        assertTrue(midHeap - baseline < 20L * 1024 * 1024,
                "heap grew by " + (midHeap - baseline) / 1024 / 1024 + " MB while streaming");
        healthy.api().get("/orders").then().statusCode(200);
        hostile.control().get("/calls").then().body("[0].fault", equalTo("hostile_huge_body"));

        // With Content-Length announcing it.
        hostile.control().body(Map.of("huge_body_mb", 5, "huge_body_content_length", true)).put("/hostile")
                .then().statusCode(200);
        HttpResponse<InputStream> announced = HTTP1.send(get(hostile, "/orders"), HttpResponse.BodyHandlers.ofInputStream());
        long length = Long.parseLong(announced.headers().firstValue("Content-Length").orElseThrow());
        assertTrue(length > 5L * 1024 * 1024 - 4096, "announced " + length);
        assertEquals(length, drain(announced.body()));

        // A single record (here an order) grows a padding field and stays valid JSON.
        long orderId = hostile.api().get("/orders").then().extract().jsonPath().getLong("orders[0].id");
        hostile.control().body(Map.of("huge_body_mb", 2, "huge_body_content_length", true)).put("/hostile")
                .then().statusCode(200);
        String padded = hostile.api().get("/orders/" + orderId).then().statusCode(200).extract().asString();
        assertTrue(padded.length() > 2 * 1024 * 1024 - 4096, "a padded record of " + padded.length());
        hostile.api().get("/orders/" + orderId).then().body("id", equalTo((int) orderId))
                .body("padding.length()", greaterThan(2_000_000));

        hostile.control().delete("/hostile").then().statusCode(204);
        hostile.api().get("/orders").then().statusCode(200).body("orders.size()", equalTo(1));
    }

    @Test
    void aPageHoldsFarMoreRowsThanAsked() throws Exception {
        SandboxClient.Store store = SandboxClient.newStore();
        List<Long> ids = store.seed(3, 1L);
        store.control().body(Map.of("rows_per_page", 10_000)).put("/hostile").then().statusCode(200);
        HttpResponse<String> r = HTTP1.send(get(store, "/orders?count=100"), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        JsonNode orders = JSON.readTree(r.body()).get("orders");
        assertEquals(10_000, orders.size());
        Set<Long> rows = new HashSet<>();
        orders.forEach(o -> rows.add(o.get("id").asLong()));
        assertEquals(10_000, rows.size(), "ids are distinct");
        assertTrue(rows.containsAll(ids));
        HttpResponse<String> many = HTTP1.send(get(store, "/customers/select_many?ids=" + ids.get(0)),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(10_000, JSON.readTree(many.body()).get("customers").size());
        HttpResponse<String> statuses = HTTP1.send(get(store, "/order_statuses?count=5"), HttpResponse.BodyHandlers.ofString());
        assertEquals(10_000, JSON.readTree(statuses.body()).get("order_statuses").size());
        store.control().delete("/hostile").then().statusCode(204);
        store.api().get("/orders?count=100").then().body("orders.size()", equalTo(3));
    }

    @Test
    void retryAfterOfTenYearsInSecondsAndAsAnHttpDate() {
        SandboxClient.Store store = SandboxClient.newStore();
        SandboxClient.Store healthy = SandboxClient.newStore();
        long orderId = store.seed(1, 1L).get(0);
        store.control().body(Map.of("retry_after_seconds", 315_360_000L, "retry_after_format", "seconds"))
                .put("/hostile").then().statusCode(200);
        Response r = store.api().get("/orders");
        assertEquals(429, r.statusCode());
        assertEquals("315360000", r.header("Retry-After"));
        assertNotNull(r.header("X-AC-Call-Limit"));
        // The status PUT is refused too, and nothing changes.
        store.api().contentType("application/json").body(Map.of("order_status_id", 4))
                .put("/orders/" + orderId + "/status").then().statusCode(429);
        store.control().get("/orders/" + orderId).then().body("order_status_id", equalTo(1));
        healthy.api().get("/orders").then().statusCode(200);

        store.control().body(Map.of("retry_after_seconds", 315_360_000L, "retry_after_format", "http-date"))
                .put("/hostile").then().statusCode(200);
        String date = store.api().get("/order_statuses").then().statusCode(429).extract().header("Retry-After");
        ZonedDateTime when = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
        assertTrue(when.isAfter(ZonedDateTime.now().plusYears(9)), date);

        store.control().delete("/hostile").then().statusCode(204);
        store.api().get("/orders").then().statusCode(200);
    }

    @Test
    void theBodyIsDribbledAByteAtATime() throws Exception {
        SandboxClient.Store store = SandboxClient.newStore();
        store.control().body(Map.of("dribble_ms", 100)).put("/hostile").then().statusCode(200);
        long start = System.nanoTime();
        HttpResponse<String> r = HTTP1.send(get(store, "/orders"), HttpResponse.BodyHandlers.ofString());
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, r.statusCode());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(0, body.get("total_count").asInt());
        long expected = 100L * r.body().length();
        assertTrue(tookMs >= expected - 150, "took " + tookMs + " ms for " + r.body().length() + " bytes");
        store.control().delete("/hostile").then().statusCode(204);
        long fast = System.nanoTime();
        store.api().get("/orders").then().statusCode(200);
        assertTrue((System.nanoTime() - fast) / 1_000_000 < 2000);
    }

    @Test
    void theStatusLineAndHeadersAreDribbledToo() throws Exception {
        SandboxClient.Store store = SandboxClient.newStore();
        SandboxClient.Store healthy = SandboxClient.newStore();
        store.control().body(Map.of("dribble_ms", 20, "dribble_headers", true)).put("/hostile").then().statusCode(200);
        // A client that waits 1 s for the headers gives up: they take several seconds to arrive.
        HttpRequest impatient = HttpRequest.newBuilder(uri(store, "/orders")).timeout(Duration.ofMillis(1000))
                .header("X-AC-Auth-Token", store.token()).build();
        assertThrows(HttpTimeoutException.class, () -> HTTP1.send(impatient, HttpResponse.BodyHandlers.ofString()));
        healthy.api().get("/orders").then().statusCode(200);

        long start = System.nanoTime();
        HttpResponse<String> r = HTTP1.send(get(store, "/orders"), HttpResponse.BodyHandlers.ofString());
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, r.statusCode());
        assertEquals(0, JSON.readTree(r.body()).get("total_count").asInt());
        assertTrue(r.headers().firstValue("X-AC-Call-Limit").isPresent());
        // Some 130 bytes of status line and headers plus the body, 20 ms each.
        assertTrue(tookMs >= 20L * (130 + r.body().length()) - 200, "took " + tookMs + " ms");
        store.control().get("/calls").then().body("[1].fault", equalTo("hostile_dribble_headers"));

        store.control().delete("/hostile").then().statusCode(204);
        store.api().get("/orders").then().statusCode(200);
    }

    @Test
    void redirectsPointAtInternalAddresses() throws Exception {
        SandboxClient.Store store = SandboxClient.newStore();
        SandboxClient.Store healthy = SandboxClient.newStore();
        long orderId = store.seed(1, 1L).get(0);
        store.control().body(Map.of("redirect_status", 307, "redirect_location", "http://127.0.0.1:1/api/v1/orders"))
                .put("/hostile").then().statusCode(200);
        Response r = store.api().redirects().follow(false).get("/orders");
        assertEquals(307, r.statusCode());
        assertEquals("http://127.0.0.1:1/api/v1/orders", r.header("Location"));
        store.api().redirects().follow(false).get("/orders/" + orderId).then().statusCode(307);
        store.api().redirects().follow(false).contentType("application/json").body(Map.of("order_status_id", 4))
                .put("/orders/" + orderId + "/status").then().statusCode(307);
        store.control().get("/orders/" + orderId).then().body("order_status_id", equalTo(1));
        healthy.api().get("/orders").then().statusCode(200);

        store.control().body(Map.of("redirect_status", 302, "redirect_location", "http://169.254.169.254/latest/meta-data/"))
                .put("/hostile").then().statusCode(200);
        HttpResponse<String> jdk = HTTP1.send(get(store, "/order_statuses"), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, jdk.statusCode());
        assertEquals("http://169.254.169.254/latest/meta-data/", jdk.headers().firstValue("Location").orElseThrow());
        store.control().get("/calls").then().body("[-1].fault", equalTo("hostile_redirect"));

        store.control().delete("/hostile").then().statusCode(204);
        store.api().redirects().follow(false).get("/orders").then().statusCode(200);
    }

    @Test
    void theControlApiShowsAndChecksTheModes() {
        SandboxClient.Store store = SandboxClient.newStore();
        store.control().get("/hostile").then().statusCode(200).body("dribble_ms", equalTo(null));
        store.control().body(Map.of("dribble_ms", 250, "endless_next_page", true)).put("/hostile").then().statusCode(200);
        store.control().get("/hostile").then().body("dribble_ms", equalTo(250)).body("endless_next_page", equalTo(true));
        store.control().body(Map.of("redirect_status", 200, "redirect_location", "http://x/")).put("/hostile")
                .then().statusCode(400);
        store.control().body(Map.of("redirect_status", 302)).put("/hostile").then().statusCode(400);
        store.control().body(Map.of("next_page_url", "/relative")).put("/hostile").then().statusCode(400);
        store.control().body(Map.of("huge_body_mb", 0)).put("/hostile").then().statusCode(400);
        // A refused PUT leaves the modes as they were.
        store.control().get("/hostile").then().body("dribble_ms", equalTo(250));
        store.control().delete("/hostile").then().statusCode(204);
        store.control().get("/hostile").then().body("dribble_ms", equalTo(null)).body("endless_next_page", equalTo(null));
        RestAssured.given().contentType("application/json").body(Map.of("dribble_ms", 1))
                .put("/_sandbox/stores/nobody.sandbox.test/hostile").then().statusCode(404);
    }

    private static long drain(InputStream in) throws Exception {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
            }
        }
        return total;
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static URI uri(SandboxClient.Store store, String path) {
        return URI.create("http://localhost:" + RestAssured.port + "/" + store.domain() + "/api/v1" + path);
    }

    private static HttpRequest get(SandboxClient.Store store, String path) {
        return HttpRequest.newBuilder(uri(store, path)).header("X-AC-Auth-Token", store.token()).build();
    }

}
