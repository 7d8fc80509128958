package com.orderdesk.cartcom.poller.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.devstack.CartcomSandbox;
import com.orderdesk.cartcom.devstack.JsonHttp;
import com.orderdesk.cartcom.devstack.SandboxControl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stores, orders, faults, the list hook and the call log of the shared Cart.com sandbox (its control API). */
public final class SandboxStores {

    public record Store(String domain, String token) {
    }

    private static SandboxControl control() {
        return new SandboxControl(CartcomSandbox.url());
    }

    private static JsonHttp http() {
        return new JsonHttp(CartcomSandbox.url(), Map.of());
    }

    /** A store nobody else uses; unthrottled unless {@code settings} give a rate_limit or plan. */
    public static Store create(Map<String, Object> settings) {
        Map<String, Object> body = new HashMap<>(settings);
        if (!body.containsKey("plan")) {
            body.putIfAbsent("rate_limit", 100_000);
        }
        JsonNode store = http().post("/_sandbox/stores", body).expect(201, "create sandbox store");
        return new Store(store.path("domain").asText(), store.path("token").asText());
    }

    public static Store create() {
        return create(Map.of());
    }

    /** A store nobody else uses, holding one new order (status 1, a download status in every test). */
    public static Store createWithAnOrder() {
        Store store = create();
        seed(store.domain(), 1, 1);
        return store;
    }

    public static List<Long> seed(String domain, int count, long statusId) {
        JsonNode seeded = http().post("/_sandbox/stores/" + domain + "/orders/seed",
                Map.of("count", count, "order_status_id", statusId)).expect(201, "seed orders");
        List<Long> ids = new ArrayList<>();
        seeded.path("order_ids").forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    public static long createOrder(String domain, long statusId, Instant orderedAt) {
        return http().post("/_sandbox/stores/" + domain + "/orders",
                Map.of("order_status_id", statusId, "ordered_at", orderedAt.toString())).expect(201, "create order")
                .path("id").asLong();
    }

    /** The order as the sandbox holds it: every collection expanded, addresses and customer inline. */
    public static JsonNode order(String domain, long orderId) {
        return http().get("/_sandbox/stores/" + domain + "/orders/" + orderId).expect(200, "sandbox order");
    }

    public static void setStatus(String domain, long orderId, long statusId) {
        http().put("/_sandbox/stores/" + domain + "/orders/" + orderId + "/status", Map.of("order_status_id", statusId))
                .expect(200, "set order status");
    }

    /** After the store's next {@code afterListCalls} order-list calls, the orders move to {@code statusId}. */
    public static void armListHook(String domain, int afterListCalls, List<Long> orderIds, long statusId) {
        http().put("/_sandbox/stores/" + domain + "/list-hook",
                Map.of("after_list_calls", afterListCalls, "order_ids", orderIds, "order_status_id", statusId))
                .expect(200, "arm list hook");
    }

    public static boolean listHookFired(String domain) {
        return http().get("/_sandbox/stores/" + domain + "/list-hook").expect(200, "list hook").path("fired").asBoolean();
    }

    public static void faults(String domain, Map<String, Object> faults) {
        http().put("/_sandbox/stores/" + domain + "/faults", faults).expect(200, "set faults");
    }

    /**
     * Every Cart.com call the store answered, oldest first: {@code {at, method, path, query, status, fault,
     * cache_control}} (cache_control: the request's Cache-Control header).
     */
    public static List<JsonNode> calls(String domain) {
        List<JsonNode> calls = new ArrayList<>();
        http().get("/_sandbox/stores/" + domain + "/calls").expect(200, "call log").forEach(calls::add);
        return calls;
    }

    /** A token held to {@code scopes} (the store needs the {@code partial_scopes} shape). */
    public static String mintToken(String domain, List<String> scopes) {
        return control().mintToken(domain, scopes);
    }

    /** The store's webhook subscriptions and the deliveries it made: {@code {subscriptions, deliveries}}. */
    public static JsonNode webhooks(String domain) {
        return control().webhooks(domain);
    }

    /** The order-list calls ({@code GET /api/v1/orders}). */
    public static List<JsonNode> listCalls(String domain) {
        return calls(domain).stream()
                .filter(c -> c.path("method").asText().equals("GET") && c.path("path").asText().endsWith("/orders")).toList();
    }

    public static long count(String domain, String pathSuffix) {
        return calls(domain).stream().filter(c -> c.path("path").asText().endsWith(pathSuffix)).count();
    }

    /** One query parameter of a logged call (the log holds the decoded query string). */
    public static String param(JsonNode call, String name) {
        for (String pair : call.path("query").asText().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    private SandboxStores() {
    }
}
