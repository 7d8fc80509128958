package com.orderdesk.cartcom.poller.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.cartcom.model.json.Json;
import com.orderdesk.cartcom.poller.client.CartcomDates;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A small Cart.com for tests on the JDK's HttpServer: {@code /{domain}/api/v1/orders} (query syntax for
 * order_status_id / updated_at / ordered_at, sort, count, page with absolute next_page and 404 past the end),
 * {@code /order_addresses/select_many} and {@code /customers/select_many}, token checked on every call.
 * Datetimes are sent with a local offset (-05:00) and milliseconds, like the real API.
 */
public final class FakeCartcom {
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final ZoneOffset STORE_OFFSET = ZoneOffset.ofHours(-5);
    private static FakeCartcom shared;

    private final HttpServer server;
    private final Map<String, Store> stores = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);

    private FakeCartcom(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The fake of this test JVM, on the port FakeCartcomResource gave the application. */
    public static synchronized FakeCartcom get() {
        if (shared == null) {
            try {
                shared = new FakeCartcom(Integer.parseInt(System.getProperty(FakeCartcomResource.PORT_PROPERTY)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public Store store(String domain, String token) {
        return stores.computeIfAbsent(domain, d -> new Store(d, token));
    }

    public final class Store {
        final String domain;
        volatile String token;
        /** When set, every call answers this status. */
        public volatile Integer failWith;
        final List<ObjectNode> orders = new CopyOnWriteArrayList<>();
        final Map<Long, ObjectNode> addresses = new ConcurrentHashMap<>();
        final Map<Long, ObjectNode> customers = new ConcurrentHashMap<>();
        public final List<Call> calls = new CopyOnWriteArrayList<>();

        Store(String domain, String token) {
            this.domain = domain;
            this.token = token;
        }

        /** Adds an order placed and last changed at {@code at}, with two addresses and a customer. */
        public ObjectNode addOrder(long statusId, Instant at) {
            long id = ids.incrementAndGet();
            long customerId = ids.incrementAndGet();
            long shipId = ids.incrementAndGet();
            long billId = ids.incrementAndGet();
            customers.put(customerId, MAPPER.createObjectNode().put("id", customerId).put("email", "c" + customerId + "@example.com")
                    .put("first_name", "Ada").put("last_name", "Lovelace"));
            addresses.put(shipId, address(shipId, "1 Ship St"));
            addresses.put(billId, address(billId, "2 Bill Ave"));
            ObjectNode order = MAPPER.createObjectNode();
            order.put("id", id).put("order_number", "").put("order_status_id", statusId).put("customer_id", customerId)
                    .put("order_shipping_address_id", shipId).put("order_billing_address_id", billId)
                    .put("ordered_at", local(at)).put("updated_at", local(at))
                    .put("grand_total", new java.math.BigDecimal("42.50"));
            ArrayNode items = order.putArray("items");
            items.addObject().put("id", id * 10).put("order_id", id).put("item_code", "SKU-1").put("quantity", 2);
            order.putArray("payments");
            order.putArray("shipments");
            order.putArray("custom_fields");
            orders.add(order);
            return order;
        }

        public ObjectNode addOrder(long statusId) {
            return addOrder(statusId, Instant.now());
        }

        public long orderListCalls() {
            return calls.stream().filter(c -> c.path().endsWith("/orders")).count();
        }

        public List<Call> orderListCallsList() {
            return calls.stream().filter(c -> c.path().endsWith("/orders")).toList();
        }

        public void setToken(String newToken) {
            token = newToken;
        }
    }

    /** One request as the fake saw it: decoded query parameters and the headers the poller must send. */
    public record Call(String path, Map<String, String> query, String cacheControl) {
    }

    private static ObjectNode address(long id, String line) {
        return MAPPER.createObjectNode().put("id", id).put("address_line_1", line).put("city", "Austin").put("state", "TX")
                .put("postal_code", 78701).put("country", "US");
    }

    static String local(Instant instant) {
        return OffsetDateTime.ofInstant(instant, STORE_OFFSET).format(LOCAL);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String[] parts = path.split("/");
            // "", domain, "api", "v1", resource...
            Store store = parts.length > 4 ? stores.get(parts[1]) : null;
            if (store == null || !"api".equals(parts[2])) {
                send(exchange, 404, error(404, "Not Found"));
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            store.calls.add(new Call(path.substring(("/" + store.domain + "/api/v1").length()), query,
                    exchange.getRequestHeaders().getFirst("Cache-Control")));
            if (!store.token.equals(exchange.getRequestHeaders().getFirst("X-AC-Auth-Token"))) {
                send(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            if (store.failWith != null) {
                send(exchange, store.failWith, error(store.failWith, "failure"));
                return;
            }
            String resource = String.join("/", java.util.Arrays.copyOfRange(parts, 4, parts.length));
            switch (resource) {
                case "orders" -> listOrders(exchange, store, query);
                case "order_addresses/select_many" -> selectMany(exchange, store.addresses, query, "addresses");
                case "customers/select_many" -> selectMany(exchange, store.customers, query, "customers");
                default -> send(exchange, 404, error(404, "Not Found"));
            }
        } catch (RuntimeException e) {
            send(exchange, 500, error(500, e.toString()));
        }
    }

    private void listOrders(HttpExchange exchange, Store store, Map<String, String> query) throws IOException {
        Predicate<ObjectNode> filter = o -> true;
        if (query.containsKey("order_status_id")) {
            Set<Long> statuses = java.util.Arrays.stream(query.get("order_status_id").split(" OR "))
                    .map(c -> Long.parseLong(c.trim().replace("eq:", ""))).collect(Collectors.toSet());
            filter = filter.and(o -> statuses.contains(o.get("order_status_id").asLong()));
        }
        for (String field : List.of("updated_at", "ordered_at")) {
            if (query.containsKey(field)) {
                String condition = query.get(field);
                if (!condition.startsWith("gte:")) {
                    throw new IllegalArgumentException("fake supports gte only: " + condition);
                }
                Instant from = CartcomDates.parse(condition.substring(4)).orElseThrow();
                filter = filter.and(o -> !CartcomDates.parse(o.get(field).asText()).orElseThrow().isBefore(from));
            }
        }
        String sort = query.getOrDefault("sort", "id");
        List<ObjectNode> matching = store.orders.stream().filter(filter)
                .sorted(Comparator.comparing((ObjectNode o) -> sort.equals("id") ? Instant.EPOCH
                        : CartcomDates.parse(o.get(sort).asText()).orElseThrow()).thenComparing(o -> o.get("id").asLong()))
                .toList();
        int count = Integer.parseInt(query.getOrDefault("count", "100"));
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        int from = (page - 1) * count;
        if (page > 1 && from >= matching.size()) {
            send(exchange, 404, error(404, "Not Found"));
            return;
        }
        List<ObjectNode> slice = matching.subList(Math.min(from, matching.size()), Math.min(from + count, matching.size()));
        ObjectNode body = MAPPER.createObjectNode().put("total_count", matching.size());
        if (from + count < matching.size()) {
            Map<String, String> next = new LinkedHashMap<>(query);
            next.put("page", Integer.toString(page + 1));
            body.put("next_page", "http://127.0.0.1:" + server.getAddress().getPort() + exchange.getRequestURI().getPath() + "?"
                    + next.entrySet().stream().map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)
                    .replace("+", "%20")).collect(Collectors.joining("&")));
        }
        body.putArray("orders").addAll(slice.stream().map(o -> (JsonNode) o.deepCopy()).toList());
        send(exchange, 200, body);
    }

    private void selectMany(HttpExchange exchange, Map<Long, ObjectNode> records, Map<String, String> query, String key) throws IOException {
        List<ObjectNode> found = new ArrayList<>();
        for (String id : query.getOrDefault("ids", "").split(",")) {
            Optional.ofNullable(records.get(Long.parseLong(id.trim()))).ifPresent(found::add);
        }
        ObjectNode body = MAPPER.createObjectNode().put("total_count", found.size());
        body.putArray(key).addAll(found.stream().map(o -> (JsonNode) o).toList());
        send(exchange, 200, body);
    }

    private static ObjectNode error(int status, String message) {
        return MAPPER.createObjectNode().put("status_code", status).put("message", message).put("details", "");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(key, value);
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-AC-Call-Limit", "1/50");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
