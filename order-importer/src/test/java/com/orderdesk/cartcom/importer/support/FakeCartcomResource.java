package com.orderdesk.cartcom.importer.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny Cart.com on a random port, serving the one call the importer makes: {@code PUT /{domain}/api/v1/orders/{id}/status}.
 * Orders numbered from {@link #NOT_FOUND_FROM} answer 404 like a deleted order. Every call is recorded and
 * readable at {@code GET /_calls} as lines {@code METHOD path token body}, so tests see it over HTTP whatever
 * class loader they run in.
 */
public class FakeCartcomResource implements QuarkusTestResourceLifecycleManager {
    public static final long NOT_FOUND_FROM = 9_400_000_000L;
    private static final Pattern STATUS = Pattern.compile("^/([^/]+)/api/v1/orders/(\\d+)/status$");

    private HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("cartcom.base-url-template", base + "/{domain}/api/v1",
                "cartcom.allow-insecure-base-url", "true",
                "test.fake-cartcom.url", base);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/_calls")) {
            reply(exchange, 200, String.join("\n", calls), "text/plain");
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String token = exchange.getRequestHeaders().getFirst("X-AC-Auth-Token");
        calls.add(exchange.getRequestMethod() + " " + path + " " + token + " " + body.replace('\n', ' '));
        Matcher status = STATUS.matcher(path);
        if (!"PUT".equals(exchange.getRequestMethod()) || !status.matches()) {
            reply(exchange, 404, "{\"status_code\":404,\"message\":\"Not Found\",\"details\":\"no such route\"}", null);
            return;
        }
        long orderId = Long.parseLong(status.group(2));
        if (orderId >= NOT_FOUND_FROM) {
            reply(exchange, 404, "{\"status_code\":404,\"message\":\"Not Found\",\"details\":\"order " + orderId
                    + " does not exist\"}", null);
            return;
        }
        reply(exchange, 200, "{\"id\":" + orderId + "," + body.trim().substring(1), null);
    }

    private static void reply(HttpExchange exchange, int code, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type == null ? "application/json" : type);
        exchange.getResponseHeaders().add("X-AC-Call-Limit", "1/20");
        exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
