package com.orderdesk.cartcom.settings.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.devstack.CartcomSandbox;
import com.orderdesk.cartcom.devstack.JsonHttp;
import com.orderdesk.cartcom.devstack.SandboxControl.SandboxStore;
import com.orderdesk.cartcom.devstack.SandboxControl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Cart.com sandbox as the tests drive it: stores, tokens, rate limits and faults. Calls of the control API that
 * SandboxControl does not offer go through its HTTP API directly (deploy/cartcom-sandbox/README.md).
 */
public final class Sandbox {

    public static SandboxControl control() {
        return CartcomSandbox.control();
    }

    /** A fresh Cart.com store (silver plan, the nine default statuses) with one valid token. */
    public static SandboxStore newStore() {
        return control().createStore("silver");
    }

    /** A store that allows {@code calls} API calls per {@code windowSeconds}. */
    public static SandboxStore newStoreWithRateLimit(int calls, int windowSeconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rate_limit", calls);
        body.put("window_seconds", windowSeconds);
        JsonNode store = http().post("/_sandbox/stores", body).expect(201, "create rate-limited sandbox store");
        return new SandboxStore(store.path("domain").asText(), store.path("token").asText());
    }

    /** A fresh store that answers with these faults (see {@link #faults}). */
    public static SandboxStore newStoreWithFaults(Map<String, Object> faults) {
        SandboxStore store = newStore();
        faults(store.domain(), faults);
        return store;
    }

    /** Replaces the store's faults, e.g. {@code Map.of("error_rate", 1.0)}. */
    public static void faults(String domain, Map<String, Object> faults) {
        http().put("/_sandbox/stores/" + domain + "/faults", faults).expect(200, "set sandbox faults");
    }

    /** A store in the sandbox's real-world mode (every shape, partial-scope tokens and the bare domain's redirect too). */
    public static SandboxStore newRealWorldStore(String domain) {
        return control().createStore(Map.of("domain", domain, "real_world", List.of("all")));
    }

    /** Another token of the store that may do only what {@code scopes} allow (the sandbox README's scope names). */
    public static SandboxStore tokenWithScopes(SandboxStore store, List<String> scopes) {
        return new SandboxStore(store.domain(), control().mintToken(store.domain(), scopes));
    }

    public static void revoke(SandboxStore store) {
        http().delete("/_sandbox/stores/" + store.domain() + "/tokens/" + store.token()).expect(204, "revoke token");
    }

    /** Adds a status to the store's list, as a merchant does in the Cart.com admin. */
    public static void addStatus(String domain, long id, String name) {
        http().post("/_sandbox/stores/" + domain + "/order_statuses", Map.of("id", id, "name", name, "is_open", true))
                .expect(201, "add order status");
    }

    /** One API call as any client makes it; answers the HTTP status. */
    public static int apiCall(SandboxStore store, String path) {
        return new JsonHttp(CartcomSandbox.url(), Map.of("X-AC-Auth-Token", store.token()))
                .get("/" + store.domain() + "/api/v1" + path).status();
    }

    public static long statusReads(String domain) {
        return control().countCalls(domain, "GET", "/order_statuses");
    }

    private static JsonHttp http() {
        return new JsonHttp(CartcomSandbox.url(), Map.of());
    }

    private Sandbox() {
    }
}
