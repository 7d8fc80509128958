package com.orderdesk.cartcom.poller.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.kit.cartcom.CartcomClient;
import com.orderdesk.cartcom.kit.cartcom.CartcomDates;
import com.orderdesk.cartcom.kit.cartcom.CartcomEndpoints;
import com.orderdesk.cartcom.kit.cartcom.CartcomStoreApi;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The walk against a store that answers fewer orders than asked for (no maximum count is documented): short pages
 * with a next_page are not the end. Without that, a backlog drained one page per poll interval.
 */
class OrderWalkTest {
    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final int ORDERS = 8;
    private static final int CAP = 3;

    private HttpServer server;
    private int calls;
    /** Orders the store lists with "updated_at": "" (it still filters and sorts them by their true time). */
    private Set<Integer> listedWithoutDate = Set.of();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/capped.test/api/v1/orders", exchange -> {
            calls++;
            Map<String, String> query = new HashMap<>();
            for (String pair : exchange.getRequestURI().getQuery().split("&")) {
                query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            List<Integer> matching = new ArrayList<>();
            for (int id = 1; id <= ORDERS; id++) {
                if (matches(query.get("updated_at"), updatedAt(id)) && matches(query.get("id"), id)) {
                    matching.add(id);
                }
            }
            int size = Math.min(Integer.parseInt(query.get("count")), CAP);
            int from = (Integer.parseInt(query.getOrDefault("page", "1")) - 1) * size;
            List<Integer> page = matching.subList(Math.min(from, matching.size()), Math.min(from + size, matching.size()));
            StringJoiner rows = new StringJoiner(",");
            page.forEach(id -> rows.add("{\"id\":" + id + ",\"updated_at\":\""
                    + (listedWithoutDate.contains(id) ? "" : updatedAt(id)) + "\"}"));
            String next = matching.size() > from + page.size() ? "\"next_page\":\"/capped.test/api/v1/orders?page=2\"," : "";
            byte[] body = ("{\"total_count\":" + matching.size() + "," + next + "\"orders\":[" + rows + "]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static Instant updatedAt(int id) {
        return FROM.plusSeconds(60L * id);
    }

    /** The walk's conditions: gte:, gt: or eq: a date, or gt: an id. */
    private static boolean matches(String condition, Object value) {
        if (condition == null) {
            return true;
        }
        String operator = condition.substring(0, condition.indexOf(':'));
        String operand = condition.substring(condition.indexOf(':') + 1);
        int compared = value instanceof Instant at
                ? at.compareTo(CartcomDates.parse(operand).orElseThrow())
                : Integer.compare((Integer) value, Integer.parseInt(operand));
        return switch (operator) {
            case "gte" -> compared >= 0;
            case "gt" -> compared > 0;
            case "eq" -> compared == 0;
            default -> throw new IllegalArgumentException(condition);
        };
    }

    @Test
    void aStoreThatCapsTheCountIsWalkedToTheEndInOneWalk() {
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), walk(), "every order, once, in " + calls + " calls");
    }

    /**
     * Orders listed without a readable updated_at (a run of four, longer than the store's pages of three, and one on
     * its own) are handed out once each where the store listed them, and the walk still ends: no failed page, no loop.
     */
    @Test
    void ordersListedWithoutADateAreHandedOutOnceAndTheWalkEnds() {
        listedWithoutDate = Set.of(1, 3, 4, 5, 6);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), walk(), "every order, once, in " + calls + " calls");
    }

    private List<Long> walk() {
        CartcomStoreApi api = new CartcomClient(new CartcomEndpoints(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/{domain}/api/v1", true),
                Duration.ofSeconds(2), Duration.ofSeconds(5)).store("capped.test", "token");
        OrderWalk walk = new OrderWalk(new CartcomOrderSource(null), api, Map.of(), "updated_at", FROM, null, 5,
                ZoneOffset.UTC);
        List<Long> walked = new ArrayList<>();
        for (int page = 0; page < 40 && !walk.done(); page++) {
            walk.nextPage().forEach(order -> walked.add(order.id()));
        }
        assertTrue(walk.done(), "the walk ended, after " + calls + " calls");
        return walked;
    }
}
