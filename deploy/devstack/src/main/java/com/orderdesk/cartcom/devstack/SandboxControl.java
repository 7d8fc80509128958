package com.orderdesk.cartcom.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Cart.com sandbox's control API (deploy/cartcom-sandbox/README.md): stores, seeded orders, call log, calls by
 * caller, faults and hostile modes.
 */
public final class SandboxControl {
    /** Ten years in seconds: the Retry-After of {@link #hostileRetryAfterTenYears}. */
    public static final long TEN_YEARS_SECONDS = 10L * 365 * 24 * 3600;

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

    /** Every Cart.com API call the store received: {@code [{at, method, path, query, status, fault, caller, ...}]}. */
    public JsonNode calls(String domain) {
        return http.get("/_sandbox/stores/" + domain + "/calls").expect(200, "sandbox call log");
    }

    /**
     * One caller's Cart.com calls on a store (the sandbox README's "Calls by caller"): caller is the User-Agent
     * ({@code orderdesk-cartcom/order-poller}, ...; null when none was sent); rateLimited the 429s of the store's
     * window, faults429 the simulated ones.
     */
    public record CallerCount(String caller, long calls, long rateLimited, long faults429) {
    }

    /** The store's calls counted by caller since its creation or {@link #clearCallers}, first caller first. */
    public List<CallerCount> callers(String domain) {
        JsonNode answer = http.get("/_sandbox/stores/" + domain + "/callers").expect(200, "sandbox calls by caller");
        List<CallerCount> counts = new ArrayList<>();
        for (JsonNode c : answer.path("callers")) {
            counts.add(new CallerCount(c.path("caller").isNull() ? null : c.path("caller").asText(),
                    c.path("calls").asLong(), c.path("rate_limited").asLong(), c.path("faults_429").asLong()));
        }
        return counts;
    }

    /** Starts the store's counts by caller afresh (its call log stays), e.g. before a benchmark's measured run. */
    public void clearCallers(String domain) {
        http.delete("/_sandbox/stores/" + domain + "/callers").expect(204, "clear sandbox calls by caller");
    }

    /** The store's webhook subscriptions and the calls it made to them: {@code {subscriptions, deliveries}}. */
    public JsonNode webhooks(String domain) {
        return http.get("/_sandbox/stores/" + domain + "/webhooks").expect(200, "sandbox webhooks");
    }

    /** Replaces the store's webhook faults ({@code drop_rate}, {@code delay_ms}, {@code duplicate_rate}, {@code reorder}). */
    public void setWebhookFaults(String domain, Map<String, Object> faults) {
        http.put("/_sandbox/stores/" + domain + "/webhook-faults", faults).expect(200, "set sandbox webhook faults");
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

    /**
     * Another token of the store that may do only what {@code scopes} allow ({@code orders:read}, ... in the sandbox
     * README's "Token scopes"); the store needs {@code real_world} {@code partial_scopes} (or {@code all}).
     */
    public String mintToken(String domain, List<String> scopes) {
        return http.post("/_sandbox/stores/" + domain + "/tokens", Map.of("scopes", scopes))
                .expect(201, "mint a scoped token").path("token").asText();
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

    /**
     * Replaces the store's hostile modes (README "Hostile modes"): {@code next_page_url}, {@code next_page_scheme},
     * {@code endless_next_page}, {@code huge_body_mb}, {@code huge_body_content_length}, {@code rows_per_page},
     * {@code retry_after_seconds}, {@code retry_after_format}, {@code dribble_ms}, {@code dribble_headers},
     * {@code redirect_status} with {@code redirect_location}. Only this store misbehaves; a missing field is off.
     */
    public JsonNode setHostile(String domain, Map<String, Object> modes) {
        return http.put("/_sandbox/stores/" + domain + "/hostile", modes).expect(200, "set sandbox hostile modes");
    }

    /** The store's hostile modes as the sandbox holds them (all null when healthy). */
    public JsonNode hostile(String domain) {
        return http.get("/_sandbox/stores/" + domain + "/hostile").expect(200, "sandbox hostile modes");
    }

    /** Switches every hostile mode of the store off. */
    public void clearHostile(String domain) {
        http.delete("/_sandbox/stores/" + domain + "/hostile").expect(204, "clear sandbox hostile modes");
    }

    /** Every paged list names this absolute URL as next_page (another host, 169.254.169.254, ...; {page} allowed). */
    public JsonNode hostileNextPageUrl(String domain, String url) {
        return setHostile(domain, Map.of("next_page_url", url));
    }

    /** Every paged list names its own next page on the same host but over this scheme ("http": a downgrade). */
    public JsonNode hostileNextPageScheme(String domain, String scheme) {
        return setHostile(domain, Map.of("next_page_scheme", scheme));
    }

    /** Every page names page + 1 as next_page, forever; pages past the data are empty 200s. */
    public JsonNode hostileEndlessNextPage(String domain) {
        return setHostile(domain, Map.of("endless_next_page", true));
    }

    /** List answers become about {@code megabytes} MB of valid JSON, streamed; with Content-Length if asked. */
    public JsonNode hostileHugeBody(String domain, int megabytes, boolean announceContentLength) {
        return setHostile(domain, Map.of("huge_body_mb", megabytes, "huge_body_content_length", announceContentLength));
    }

    /** List answers become 50 MB of valid JSON, streamed chunked. */
    public JsonNode hostileHugeBody(String domain) {
        return hostileHugeBody(domain, 50, false);
    }

    /** Paged lists and select_many answer this many rows whatever was asked. */
    public JsonNode hostileRowsPerPage(String domain, int rows) {
        return setHostile(domain, Map.of("rows_per_page", rows));
    }

    /** Every call answers 429 with a Retry-After of ten years, in {@code "seconds"} or {@code "http-date"} form. */
    public JsonNode hostileRetryAfterTenYears(String domain, String retryAfterFormat) {
        return setHostile(domain, Map.of("retry_after_seconds", TEN_YEARS_SECONDS, "retry_after_format", retryAfterFormat));
    }

    /**
     * The hostile answers a single call can meet (a status update, a shipment), by name, each armed on a store's domain
     * when applied: a 50 MB answer, a redirect to the cloud metadata address, headers dribbled byte by byte, and a
     * Retry-After of ten years in {@code retryAfterFormat} ("seconds" or "http-date"). One list, so every service's
     * test meets the same attacks.
     */
    public Map<String, Consumer<String>> singleCallAttacks(String retryAfterFormat) {
        Map<String, Consumer<String>> attacks = new LinkedHashMap<>();
        attacks.put("a 50 MB answer", this::hostileHugeBody);
        attacks.put("a redirect to an internal address", d -> hostileRedirect(d, 307, "http://169.254.169.254/latest"));
        attacks.put("headers dribbled byte by byte", d -> hostileDribble(d, 500, true));
        attacks.put("Retry-After of ten years", d -> hostileRetryAfterTenYears(d, retryAfterFormat));
        return attacks;
    }

    /** Every answer is sent one byte every {@code intervalMs}; with {@code headersToo} the status line and headers as well. */
    public JsonNode hostileDribble(String domain, long intervalMs, boolean headersToo) {
        return setHostile(domain, Map.of("dribble_ms", intervalMs, "dribble_headers", headersToo));
    }

    /** Every call answers this redirect (301, 302, 303, 307, 308) to {@code location}, e.g. http://127.0.0.1:1/. */
    public JsonNode hostileRedirect(String domain, int status, String location) {
        return setHostile(domain, Map.of("redirect_status", status, "redirect_location", location));
    }
}
