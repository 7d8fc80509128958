package com.orderdesk.cartcom.kit.cartcom;

import com.orderdesk.cartcom.kit.budget.CallBudget;
import com.orderdesk.cartcom.kit.budget.CallKind;
import com.orderdesk.cartcom.kit.budget.Slot;
import com.orderdesk.cartcom.model.cartcom.OrderStatus;
import com.orderdesk.cartcom.model.cartcom.ShipmentRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real HTTP server on a socket, answering as Cart.com does. */
class CartcomStoreApiTest {
    private static final String TOKEN = "secret-token-1234";

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile Function<HttpExchange, Answer> handler;

    record Answer(int status, String body, Map<String, String> headers) {
        static Answer ok(String body) {
            return new Answer(200, body, Map.of("X-AC-Call-Limit", "4/20"));
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String line = exchange.getRequestMethod() + " " + exchange.getRequestURI()
                    + " token=" + exchange.getRequestHeaders().getFirst("X-AC-Auth-Token")
                    + " cache=" + exchange.getRequestHeaders().getFirst("Cache-Control")
                    + " agent=" + exchange.getRequestHeaders().getFirst("User-Agent")
                    + " body=" + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(line);
            Answer answer = handler.apply(exchange);
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private CartcomStoreApi api(Duration timeout) {
        CartcomEndpoints endpoints = new CartcomEndpoints(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/{domain}/api/v1", true);
        return new CartcomClient(endpoints, Duration.ofSeconds(2), timeout).store("acme.test", TOKEN);
    }

    @Test
    void statusesFollowPagesAndSendTheTokenAndNoCache() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/acme.test/api/v1";
        handler = exchange -> exchange.getRequestURI().getQuery().contains("page=2")
                ? Answer.ok("{\"total_count\":2,\"order_statuses\":[{\"id\":2,\"name\":\"Shipped\",\"is_shipped\":true}]}")
                : Answer.ok("{\"total_count\":2,\"next_page\":\"" + base + "/order_statuses?count=1&page=2\","
                        + "\"order_statuses\":[{\"id\":1,\"name\":\"Pending\",\"is_open\":true,\"unknown\":1}]}");
        List<OrderStatus> statuses = api(Duration.ofSeconds(2)).orderStatuses();
        assertEquals(List.of(new OrderStatus(1, "Pending", true, false, false, false, false),
                new OrderStatus(2, "Shipped", false, false, false, true, false)), statuses);
        assertEquals(2, requests.size());
        assertTrue(requests.get(0).startsWith("GET /acme.test/api/v1/order_statuses"), requests.get(0));
        assertTrue(requests.get(0).contains("token=" + TOKEN));
        assertTrue(requests.get(0).contains("cache=no-cache"));
    }

    /**
     * Every service spends the same store's call budget: each call, read or write, names the integration and the
     * service making it, so a store (and the sandbox's per-caller counts) can tell who spent it.
     */
    @Test
    void everyCallNamesTheIntegrationAndTheCallingService() {
        CartcomEndpoints endpoints = new CartcomEndpoints(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/{domain}/api/v1", true);
        CartcomClient client = new CartcomClient(endpoints, Duration.ofSeconds(2), Duration.ofSeconds(2));
        CartcomStoreApi api = client.callingAs("order-poller").store("acme.test", TOKEN);
        handler = exchange -> exchange.getRequestMethod().equals("PUT")
                ? Answer.ok("{\"id\":7,\"order_status_id\":3}")
                : Answer.ok("{\"total_count\":1,\"order_statuses\":[{\"id\":1,\"name\":\"Pending\"}]}");

        api.orderStatuses();
        api.setOrderStatus(7, 3);
        client.store("acme.test", TOKEN).orderStatuses();

        assertEquals(3, requests.size());
        assertTrue(requests.get(0).contains("agent=orderdesk-cartcom/order-poller "), requests.get(0));
        assertTrue(requests.get(1).startsWith("PUT "), requests.get(1));
        assertTrue(requests.get(1).contains("agent=orderdesk-cartcom/order-poller "), requests.get(1));
        assertTrue(requests.get(2).contains("agent=orderdesk-cartcom "), "a client no service named: " + requests.get(2));
    }

    /**
     * A next_page on another host, on http, on another port or outside the API is a malformed answer: it is not asked
     * of anyone, so the token goes nowhere else. A relative one is asked of the store's own API.
     */
    @Test
    void aCallWaitsForItsSlotOrIsRefusedWithoutReachingTheStoreAndTellsTheBudgetWhatCartcomCounted() {
        handler = exchange -> Answer.ok("{\"order_statuses\":[]}");
        List<com.orderdesk.cartcom.kit.budget.Answer> told = new CopyOnWriteArrayList<>();
        AtomicReference<Instant> slotAt = new AtomicReference<>(
                Instant.now().plusMillis(300));
        CallBudget budget = new CallBudget() {
            @Override
            public Slot take(String domain, CallKind kind) {
                assertEquals("acme.test", domain);
                assertEquals(CallKind.MERCHANT, kind);
                Instant at = slotAt.get();
                return Instant.now().isBefore(at) ? Slot.notBefore(at, 10, 10) : Slot.granted(1, 10);
            }

            @Override
            public void answered(String domain, Slot slot, com.orderdesk.cartcom.kit.budget.Answer answer) {
                told.add(answer);
            }
        };
        long start = System.nanoTime();
        api(Duration.ofSeconds(2)).budgeted(budget, CallKind.MERCHANT, Duration.ofSeconds(1)).orderStatuses();
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 290, "waited for its slot");
        assertEquals(1, requests.size());
        assertEquals(List.of(new com.orderdesk.cartcom.kit.budget.Answer(200,
                Optional.of(new CallLimit(4, 20)), Optional.empty())), told);

        slotAt.set(Instant.now().plusSeconds(5));
        CartcomException refused = assertThrows(CartcomException.class, () -> api(Duration.ofSeconds(2))
                .budgeted(budget, CallKind.MERCHANT, Duration.ofSeconds(1)).orderStatuses());
        assertTrue(refused.budgetSpent() && refused.kind() == CartcomException.Kind.RATE_LIMITED, refused.getMessage());
        assertTrue(refused.retryAfter().orElseThrow().compareTo(Duration.ofSeconds(4)) > 0);
        assertEquals(1, requests.size(), "no call made without a slot");
    }

    @Test
    void nextPageIsFollowedOnlyOnTheStoresOwnApi() {
        String own = "127.0.0.1:" + server.getAddress().getPort();
        for (String elsewhere : List.of("https://attacker.example/acme.test/api/v1/order_statuses?count=1&page=2",
                "https://" + own + "/acme.test/api/v1/order_statuses?count=1&page=2",
                "http://127.0.0.1:1/acme.test/api/v1/order_statuses?count=1&page=2",
                "http://user@" + own + "/acme.test/api/v1/order_statuses?count=1&page=2",
                "http://" + own + "/elsewhere/order_statuses?page=2")) {
            requests.clear();
            handler = exchange -> Answer.ok("{\"total_count\":2,\"next_page\":\"" + elsewhere
                    + "\",\"order_statuses\":[{\"id\":1,\"name\":\"Pending\"}]}");
            CartcomException e = assertThrows(CartcomException.class, () -> api(Duration.ofSeconds(2)).orderStatuses());
            assertEquals(CartcomException.Kind.MALFORMED_RESPONSE, e.kind(), elsewhere);
            assertEquals(1, requests.size(), "nothing asked after " + elsewhere);
        }

        requests.clear();
        handler = exchange -> exchange.getRequestURI().getQuery().contains("page=2")
                ? Answer.ok("{\"total_count\":2,\"order_statuses\":[{\"id\":2,\"name\":\"Shipped\"}]}")
                : Answer.ok("{\"total_count\":2,\"next_page\":\"/acme.test/api/v1/order_statuses?count=1&page=2\","
                        + "\"order_statuses\":[{\"id\":1,\"name\":\"Pending\"}]}");
        assertEquals(2, api(Duration.ofSeconds(2)).orderStatuses().size());
        assertEquals(2, requests.size(), "a relative next_page is asked of the store's own API");
    }

    @Test
    void aPagePastTheEndIsEmptyNotAnError() {
        handler = exchange -> new Answer(404, "{\"status_code\":404,\"message\":\"Not Found\"}", Map.of());
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/acme.test/api/v1/orders?page=3";
        assertEquals(ListPage.EMPTY, api(Duration.ofSeconds(2)).page(url, "orders"));
    }

    @Test
    void listOrdersEncodesTheQuerySyntax() {
        handler = exchange -> Answer.ok("{\"total_count\":0,\"orders\":[]}");
        CartcomStoreApi api = api(Duration.ofSeconds(2));
        api.listOrders(new java.util.LinkedHashMap<>(Map.of("order_status_id", "eq:1 OR eq:2")));
        assertTrue(requests.get(0).contains("order_status_id=eq%3A1%20OR%20eq%3A2"), requests.get(0));
    }

    @Test
    void rejectedTokenIsNotRetryable() {
        handler = exchange -> new Answer(401, "{\"status_code\":401,\"message\":\"Unauthorized\",\"details\":\"bad token\"}", Map.of());
        CartcomException e = assertThrows(CartcomException.class, () -> api(Duration.ofSeconds(2)).orderStatuses());
        assertEquals(CartcomException.Kind.CREDENTIALS_REJECTED, e.kind());
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("Unauthorized: bad token"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        handler = exchange -> new Answer(429, "{\"status_code\":429,\"message\":\"Too Many Requests\"}", Map.of("Retry-After", "6"));
        CartcomException e = assertThrows(CartcomException.class, () -> api(Duration.ofSeconds(2)).setOrderStatus(5, 2));
        assertEquals(CartcomException.Kind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(6), e.retryAfter().orElseThrow());
        assertTrue(requests.get(0).startsWith("PUT /acme.test/api/v1/orders/5/status"));
        assertTrue(requests.get(0).contains("body={\"order_status_id\":2}"), requests.get(0));
    }

    @Test
    void malformedBodyIsRetryable() {
        handler = exchange -> Answer.ok("{\"orders\": [");
        CartcomException e = assertThrows(CartcomException.class,
                () -> api(Duration.ofSeconds(2)).listOrders(Map.of()));
        assertEquals(CartcomException.Kind.MALFORMED_RESPONSE, e.kind());
        assertTrue(e.retryable());
    }

    @Test
    void slowAnswerIsATimeout() {
        handler = exchange -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            return Answer.ok("{}");
        };
        CartcomException e = assertThrows(CartcomException.class, () -> api(Duration.ofMillis(300)).order(1, null));
        assertEquals(CartcomException.Kind.TIMEOUT, e.kind());
    }

    @Test
    void anAnswerThatStallsAfterItsHeadersIsATimeoutToo() {
        // Headers and the start of the body, then nothing until long after the timeout (the JDK's own request
        // timeout ends at the headers; without a bound on the whole call this would end as "unreachable" at 3 s).
        server.createContext("/stalling.test/", exchange -> {
            exchange.sendResponseHeaders(200, 100);
            exchange.getResponseBody().write("{\"id\":".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                Thread.sleep(3000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        CartcomEndpoints endpoints = new CartcomEndpoints(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/{domain}/api/v1", true);
        CartcomStoreApi api = new CartcomClient(endpoints, Duration.ofSeconds(2), Duration.ofMillis(300)).store("stalling.test", TOKEN);
        CartcomException e = assertThrows(CartcomException.class, () -> api.order(1, null));
        assertEquals(CartcomException.Kind.TIMEOUT, e.kind(), e.getMessage());
    }

    @Test
    void closedPortIsUnreachable() {
        CartcomStoreApi api = api(Duration.ofSeconds(2));
        server.stop(0);
        CartcomException e = assertThrows(CartcomException.class, api::orderStatuses);
        assertEquals(CartcomException.Kind.UNREACHABLE, e.kind());
    }

    @Test
    void selectManyFetchesSeveralIdsInOneCall() {
        handler = exchange -> Answer.ok("{\"total_count\":2,\"addresses\":[{\"id\":1},{\"id\":2}]}");
        assertEquals(2, api(Duration.ofSeconds(2)).orderAddresses(List.of(1L, 2L, 2L)).size());
        assertEquals(1, requests.size());
        assertTrue(requests.get(0).startsWith("GET /acme.test/api/v1/order_addresses/select_many?ids=1,2"), requests.get(0));
    }

    /** Live stores answer select_many of addresses under "addresses", acapi.yaml under "order_addresses": both read. */
    @Test
    void addressesAreReadUnderEitherListKey() {
        handler = exchange -> Answer.ok("{\"total_count\":1,\"order_addresses\":[{\"id\":1}]}");
        assertEquals(1, api(Duration.ofSeconds(2)).orderAddresses(List.of(1L)).size());
        handler = exchange -> Answer.ok("{\"total_count\":1,\"addresses\":[{\"id\":1}]}");
        assertEquals(1, api(Duration.ofSeconds(2)).orderAddresses(List.of(1L)).size());
    }

    /** A store whose API sends the bare domain on to www.: never followed, and the exception names where. */
    @Test
    void aRedirectIsNotFollowedAndNamesItsHost() {
        handler = exchange -> new Answer(301, "", Map.of("Location", "https://www.acme.test/api/v1/order_statuses"));
        CartcomException e = assertThrows(CartcomException.class, () -> api(Duration.ofSeconds(2)).orderStatuses());
        assertEquals(CartcomException.Kind.BAD_REQUEST, e.kind());
        assertEquals("www.acme.test", e.redirectHost().orElseThrow());
        assertEquals(1, requests.size(), "not followed");
    }

    /** Through a template that puts the domain in the path (the sandbox's), the redirect names the store, not the host. */
    @Test
    void aRedirectNamesTheDomainWhereTheTemplatePutsIt() {
        String root = "http://127.0.0.1:" + server.getAddress().getPort();
        handler = exchange -> new Answer(301, "", Map.of("Location", root + "/www.acme.test/api/v1/order_statuses?count=100"));
        CartcomException e = assertThrows(CartcomException.class, () -> api(Duration.ofSeconds(2)).orderStatuses());
        assertEquals("www.acme.test", e.redirectHost().orElseThrow());
    }

    @Test
    void insecureTemplateNeedsExplicitPermission() {
        assertThrows(IllegalArgumentException.class, () -> new CartcomEndpoints("http://{domain}/api/v1", false));
        assertThrows(IllegalArgumentException.class, () -> new CartcomEndpoints("https://example.com/api/v1", false));
        // The insecure setting admits plain http only on this machine: the sandbox, never a host across a network.
        assertThrows(IllegalArgumentException.class, () -> new CartcomEndpoints("http://sandbox.example/{domain}/api/v1", true));
        assertThrows(IllegalArgumentException.class, () -> new CartcomEndpoints("http://{domain}/api/v1", true).baseUri("acme.com"));
        assertEquals("http://127.0.0.1:8089/acme.com/api/v1",
                new CartcomEndpoints("http://127.0.0.1:8089/{domain}/api/v1", true).baseUri("acme.com").toString());
        assertEquals("https://acme.com/api/v1/orders",
                new CartcomEndpoints(CartcomEndpoints.DEFAULT_TEMPLATE, false).resolve("acme.com", "orders").toString());
    }

    private CartcomStoreApi limitedApi(CartcomLimits limits) {
        CartcomEndpoints endpoints = new CartcomEndpoints(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/{domain}/api/v1", true);
        return new CartcomClient(endpoints, Duration.ofSeconds(2), Duration.ofSeconds(10), limits).store("acme.test", TOKEN);
    }

    /** A server that streams 50 MB (no length announced), and one that announces it: cut off at the cap. */
    @Test
    void anAnswerLargerThanTheCapIsCutOffAsItStreams() {
        byte[] chunk = ("{\"pad\":\"" + "x".repeat(64 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        long fiftyMegabytes = 50L * 1024 * 1024;
        long[] written = new long[1];
        server.createContext("/acme.test/api/v1/orders/1", exchange -> {
            boolean announce = exchange.getRequestURI().getQuery() != null;
            exchange.sendResponseHeaders(200, announce ? fiftyMegabytes : 0);
            try {
                while (written[0] < fiftyMegabytes) {
                    exchange.getResponseBody().write(chunk);
                    written[0] += chunk.length;
                }
            } catch (IOException clientGone) {
                // the client cut the answer off: what it is meant to do
            }
            exchange.close();
        });
        CartcomStoreApi api = limitedApi(new CartcomLimits(1024 * 1024, 10, Duration.ofHours(1)));
        CartcomException streamed = assertThrows(CartcomException.class, () -> api.order(1, null));
        assertEquals(CartcomException.Kind.MALFORMED_RESPONSE, streamed.kind(), streamed.getMessage());
        assertTrue(streamed.getMessage().contains("larger than 1048576 bytes"), streamed.getMessage());
        assertTrue(written[0] < fiftyMegabytes, "the client stopped reading after " + written[0] + " bytes");

        CartcomException announced = assertThrows(CartcomException.class, () -> api.order(1, "items"));
        assertEquals(CartcomException.Kind.MALFORMED_RESPONSE, announced.kind(), announced.getMessage());
    }

    @Test
    void aPageWithMoreRowsThanAskedForIsMalformed() {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 101; i++) {
            rows.append(i == 1 ? "" : ",").append("{\"id\":").append(i).append('}');
        }
        handler = exchange -> Answer.ok("{\"total_count\":101,\"order_statuses\":[" + rows + "]}");
        CartcomException e = assertThrows(CartcomException.class, () -> api(Duration.ofSeconds(2)).orderStatuses());
        assertEquals(CartcomException.Kind.MALFORMED_RESPONSE, e.kind());
        assertTrue(e.getMessage().contains("a page of 101 order_statuses where at most 100 were asked for"), e.getMessage());
    }

    /** Each page names another page after it, forever: the list stops at its page limit, having called that often. */
    @Test
    void anEndlessNextPageChainStopsAtThePageLimit() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/acme.test/api/v1";
        handler = exchange -> Answer.ok("{\"total_count\":1,\"next_page\":\"" + base + "/order_statuses?count=1&page="
                + (requests.size() + 1) + "\",\"order_statuses\":[{\"id\":" + requests.size() + ",\"name\":\"S\"}]}");
        CartcomStoreApi api = limitedApi(new CartcomLimits(1024 * 1024, 5, Duration.ofHours(1)));
        CartcomException e = assertThrows(CartcomException.class, api::orderStatuses);
        assertEquals(CartcomException.Kind.MALFORMED_RESPONSE, e.kind());
        assertTrue(e.getMessage().contains("past 5 pages"), e.getMessage());
        assertEquals(5, requests.size());
    }

    @Test
    void aRetryAfterOfTenYearsIsShortenedToTheCap() {
        handler = exchange -> new Answer(429, "", Map.of("Retry-After", String.valueOf(10L * 365 * 24 * 3600)));
        CartcomException e = assertThrows(CartcomException.class, () -> api(Duration.ofSeconds(2)).order(1, null));
        assertEquals(CartcomException.Kind.RATE_LIMITED, e.kind());
        assertEquals(CartcomLimits.DEFAULTS.maxRetryAfter(), e.retryAfter().orElseThrow());
    }

    @Test
    void theServersErrorTextIsKeptShort() {
        handler = exchange -> new Answer(400, "{\"message\":\"" + "bad ".repeat(100_000) + "\"}", Map.of());
        CartcomException e = assertThrows(CartcomException.class, () -> api(Duration.ofSeconds(2)).order(1, null));
        assertEquals(CartcomException.Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().length() < 400, e.getMessage().length() + " characters");
    }

    /**
     * In production every call first resolves the store's host and refuses one that points at our own network (it
     * may have been pointed there after the store connected): nothing is sent, the token goes nowhere.
     */
    @Test
    void aHostThatNowResolvesToAPrivateAddressIsRefusedBeforeAnyByteIsSent() {
        CartcomStoreApi api = new CartcomClient(new CartcomEndpoints(CartcomEndpoints.DEFAULT_TEMPLATE, false),
                Duration.ofSeconds(2), Duration.ofSeconds(2)).store("localhost", TOKEN);
        CartcomException e = assertThrows(CartcomException.class, api::orderStatuses);
        assertEquals(CartcomException.Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().contains("refused: localhost resolves to an address that is not public"), e.getMessage());
    }
}
