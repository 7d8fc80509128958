package com.orderdesk.cartcom.settings.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake of Cart.com's {@code GET /api/v1/order_statuses} on a random port, at {@code /{domain}/api/v1/...}.
 * What it answers is chosen by the domain's first label, so tests need no shared state with it:
 * {@code unauthorized-*} 401, {@code forbidden-*} 403, {@code limited-*} 429, {@code broken-*} 500,
 * {@code garbage-*} a 200 that is not JSON, {@code notfound-*} 404, {@code slow-*} no answer within the client's
 * timeout, {@code dropped-*} a connection closed without an answer; any other domain answers the statuses
 * of {@link #STATUSES_JSON} when the token starts with {@value #VALID_TOKEN_PREFIX}, else 401.
 * {@code GET /_calls/{domain}} says how many API calls a domain received.
 */
public class FakeCartcom implements QuarkusTestResourceLifecycleManager {
    public static final String VALID_TOKEN_PREFIX = "valid-";
    public static final String STATUSES_JSON = """
            {"total_count": 5, "order_statuses": [
              {"id": 1, "name": "Pending Processing", "is_open": true, "is_declined": false, "is_cancelled": false, "is_shipped": false, "is_quote_status": false, "is_fully_refunded": false},
              {"id": 2, "name": "Approved, Pending Shipping", "is_open": true, "is_declined": false, "is_cancelled": false, "is_shipped": false, "is_quote_status": false},
              {"id": 3, "name": "Shipped", "is_open": false, "is_declined": false, "is_cancelled": false, "is_shipped": true, "is_quote_status": false},
              {"id": 4, "name": "Cancelled", "is_open": false, "is_declined": false, "is_cancelled": true, "is_shipped": false, "is_quote_status": false},
              {"id": 5, "name": "Quote", "is_open": true, "is_declined": false, "is_cancelled": false, "is_shipped": true, "is_quote_status": true}
            ]}""";

    private static HttpServer server;
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", FakeCartcom::handle);
            server.start();
        }
        return Map.of("cartcom.base-url-template",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/{domain}/api/v1",
                "cartcom.allow-insecure-base-url", "true");
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM, like the devstack.
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        // ["", domain, "api", "v1", resource] or ["", "_calls", domain]
        if (parts.length == 3 && parts[1].equals("_calls")) {
            send(exchange, 200, String.valueOf(CALLS.getOrDefault(parts[2], new AtomicInteger()).get()));
            return;
        }
        if (parts.length < 5 || !parts[2].equals("api") || !parts[3].equals("v1")) {
            send(exchange, 404, "{\"status_code\": 404, \"message\": \"Not Found\"}");
            return;
        }
        String domain = parts[1];
        CALLS.computeIfAbsent(domain, d -> new AtomicInteger()).incrementAndGet();
        String behaviour = domain.contains("-") ? domain.substring(0, domain.indexOf('-')) : "";
        String token = exchange.getRequestHeaders().getFirst("X-AC-Auth-Token");
        exchange.getResponseHeaders().add("X-AC-Call-Limit", "1/20");
        switch (behaviour) {
            case "unauthorized" -> send(exchange, 401, "{\"status_code\": 401, \"message\": \"Unauthorized\"}");
            case "forbidden" -> send(exchange, 403, "{\"status_code\": 403, \"message\": \"Forbidden\"}");
            case "limited" -> {
                exchange.getResponseHeaders().add("Retry-After", "7");
                send(exchange, 429, "{\"status_code\": 429, \"message\": \"Too Many Requests\"}");
            }
            case "broken" -> send(exchange, 500, "{\"status_code\": 500, \"message\": \"Internal Server Error\"}");
            case "garbage" -> send(exchange, 200, "<html>Welcome to our store</html>");
            case "notfound" -> send(exchange, 404, "{\"status_code\": 404, \"message\": \"Not Found\"}");
            case "slow" -> {
                sleep(5_000);
                send(exchange, 200, STATUSES_JSON);
            }
            case "dropped" -> exchange.close();
            default -> {
                if (token == null || !token.startsWith(VALID_TOKEN_PREFIX)) {
                    send(exchange, 401, "{\"status_code\": 401, \"message\": \"Unauthorized\", \"details\": \"bad token\"}");
                } else if (parts[4].equals("order_statuses")) {
                    send(exchange, 200, STATUSES_JSON);
                } else {
                    send(exchange, 404, "{\"status_code\": 404, \"message\": \"Not Found\"}");
                }
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
