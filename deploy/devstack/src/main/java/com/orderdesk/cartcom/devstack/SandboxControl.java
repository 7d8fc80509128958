package com.orderdesk.cartcom.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Cart.com sandbox's control API (deploy/cartcom-sandbox/README.md): stores, seeded orders, call log. */
public final class SandboxControl {
    private final JsonHttp http;

    public SandboxControl(String sandboxUrl) {
        this.http = new JsonHttp(sandboxUrl, Map.of());
    }

    public record SandboxStore(String domain, String token) {
    }

    public SandboxStore createStore(String plan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("plan", plan);
        JsonNode store = http.post("/_sandbox/stores", body).expect(201, "create sandbox store");
        return new SandboxStore(store.path("domain").asText(), store.path("token").asText());
    }

    public List<Long> seedOrders(String domain, int count, long statusId) {
        JsonNode seeded = http.post("/_sandbox/stores/" + domain + "/orders/seed",
                Map.of("count", count, "order_status_id", statusId)).expect(201, "seed orders");
        List<Long> ids = new ArrayList<>();
        seeded.path("order_ids").forEach(id -> ids.add(id.asLong()));
        if (ids.size() != count) {
            throw new IllegalStateException("sandbox seeded " + ids.size() + " orders, not " + count + ": " + seeded);
        }
        return ids;
    }

    /** The order as the sandbox holds it, with items and shipments. */
    public JsonNode order(String domain, long orderId) {
        return http.get("/_sandbox/stores/" + domain + "/orders/" + orderId).expect(200, "sandbox order");
    }

    /** Every Cart.com API call the store received: {@code [{at, method, path, query, status}]}. */
    public JsonNode calls(String domain) {
        return http.get("/_sandbox/stores/" + domain + "/calls").expect(200, "sandbox call log");
    }

    public long countCalls(String domain, String method, String pathSuffix) {
        long count = 0;
        for (JsonNode call : calls(domain)) {
            if (call.path("method").asText().equals(method) && call.path("path").asText().endsWith(pathSuffix)) {
                count++;
            }
        }
        return count;
    }

    /** A store with any of the control API's store fields ({@code rate_limit}, {@code retry_after_format}, ...). */
    public SandboxStore createStore(Map<String, Object> settings) {
        JsonNode store = http.post("/_sandbox/stores", settings).expect(201, "create sandbox store");
        return new SandboxStore(store.path("domain").asText(), store.path("token").asText());
    }

    /** Creates one order from a draft ({@code items: [{item_number, quantity}]}, ...); answers its control view. */
    public JsonNode createOrder(String domain, Map<String, Object> draft) {
        return http.post("/_sandbox/stores/" + domain + "/orders", draft).expect(201, "create sandbox order");
    }

    /** Replaces the store's faults ({@code error_rate}, {@code rate_limited_rate}, {@code timeout_rate}, ...). */
    public void setFaults(String domain, Map<String, Object> faults) {
        http.put("/_sandbox/stores/" + domain + "/faults", faults).expect(200, "set sandbox faults");
    }

    public void clearFaults(String domain) {
        http.delete("/_sandbox/stores/" + domain + "/faults").expect(204, "clear sandbox faults");
    }
}
