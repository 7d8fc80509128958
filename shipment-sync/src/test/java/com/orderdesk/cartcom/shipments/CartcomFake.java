package com.orderdesk.cartcom.shipments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cart.com as far as shipment-sync talks to it, per store domain at {@code /{domain}/api/v1}: the shipment upsert
 * on {@code shipment_name} (as the live API does: an existing name on the order updates that shipment) and the
 * status route. It records every call and can be told to fail the next shipment posts.
 */
public final class CartcomFake implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SHIPMENTS = Pattern.compile("^/([^/]+)/api/v1/order_shipments$");
    private static final Pattern STATUS = Pattern.compile("^/([^/]+)/api/v1/orders/(\\d+)/status$");

    /** What the fake does with the next shipment post of a store. */
    public enum Failure {
        /** Answer the status without storing the shipment. */
        REJECT,
        /** Store the shipment, then answer the status as if the answer was lost: a retry must not duplicate it. */
        APPLY_THEN_FAIL
    }

    public record Call(String method, String path, JsonNode body) {
    }

    private record PlannedFailure(Failure mode, int status) {
    }

    private final HttpServer server;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, List<Call>> calls = new ConcurrentHashMap<>();
    /** domain -> "orderId/shipmentName" -> stored shipment */
    private final Map<String, Map<String, ObjectNode>> shipments = new ConcurrentHashMap<>();
    private final Map<String, Deque<PlannedFailure>> failures = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(5000);

    public CartcomFake(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public void addStore(String domain, String token) {
        tokens.put(domain, token);
    }

    public void failNextShipmentPosts(String domain, Failure mode, int status, int times) {
        Deque<PlannedFailure> queue = failures.computeIfAbsent(domain, d -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(new PlannedFailure(mode, status));
            }
        }
    }

    public List<Call> calls(String domain) {
        List<Call> list = calls.getOrDefault(domain, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    public List<Call> calls(String domain, String method, String pathSuffix) {
        return calls(domain).stream().filter(c -> c.method().equals(method) && c.path().endsWith(pathSuffix)).toList();
    }

    /** Distinct shipments stored on a Cart.com order (after upserts). */
    public List<ObjectNode> shipmentsOf(String domain, long cartOrderId) {
        return shipments.getOrDefault(domain, Map.of()).entrySet().stream()
                .filter(e -> e.getKey().startsWith(cartOrderId + "/")).map(Map.Entry::getValue).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? null : MAPPER.readTree(raw);
            Matcher shipment = SHIPMENTS.matcher(path);
            Matcher status = STATUS.matcher(path);
            String domain = shipment.matches() ? shipment.group(1) : status.matches() ? status.group(1) : null;
            if (domain == null) {
                respond(exchange, 404, error(404, "Not Found"));
                return;
            }
            List<Call> list = calls.computeIfAbsent(domain, d -> new ArrayList<>());
            synchronized (list) {
                list.add(new Call(method, path, body));
            }
            String token = exchange.getRequestHeaders().getFirst("X-AC-Auth-Token");
            if (token == null || !token.equals(tokens.get(domain))) {
                respond(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            exchange.getResponseHeaders().add("X-AC-Call-Limit", "1/20");
            if (shipment.matches() && method.equals("POST")) {
                postShipment(exchange, domain, (ObjectNode) body);
            } else if (status.matches() && method.equals("PUT")) {
                ObjectNode order = MAPPER.createObjectNode().put("id", Long.parseLong(status.group(2)))
                        .put("order_status_id", body.path("order_status_id").asLong());
                respond(exchange, 200, order);
            } else {
                respond(exchange, 405, error(405, "Method Not Allowed"));
            }
        }
    }

    private void postShipment(HttpExchange exchange, String domain, ObjectNode body) throws IOException {
        PlannedFailure failure = null;
        Deque<PlannedFailure> queue = failures.get(domain);
        if (queue != null) {
            synchronized (queue) {
                failure = queue.poll();
            }
        }
        if (failure != null && failure.mode() == Failure.REJECT) {
            respond(exchange, failure.status(), error(failure.status(), "planned failure"));
            return;
        }
        String key = body.path("order_id").asLong() + "/" + body.path("shipment_name").asText();
        Map<String, ObjectNode> stored = shipments.computeIfAbsent(domain, d -> new ConcurrentHashMap<>());
        ObjectNode existing = stored.get(key);
        ObjectNode saved = body.deepCopy();
        saved.put("id", existing != null ? existing.get("id").asLong() : ids.incrementAndGet());
        stored.put(key, saved);
        if (failure != null) {
            respond(exchange, failure.status(), error(failure.status(), "planned failure after write"));
            return;
        }
        respond(exchange, existing == null ? 201 : 200, saved);
    }

    private static ObjectNode error(int status, String message) {
        return MAPPER.createObjectNode().put("status_code", status).put("message", message).put("details", "");
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
