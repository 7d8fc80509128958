package com.orderdesk.cartcom.sandbox.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.sandbox.store.StoreData;
import com.orderdesk.cartcom.sandbox.store.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Subscriptions (/api/v1/webhooks records) made and changed from a request body. Every field is checked on a
 * copy first, so a bad request changes nothing. Callers hold the store's write lock.
 */
public final class WebhookSubscriptions {

    /** Enough for every event type a few times over; a client that keeps doubling its subscriptions hits it. */
    public static final int MAX_PER_STORE = 100;
    static final String FALLBACK = "Fallback";
    private static final int MAX_URL_LENGTH = 2048;
    private static final List<String> FAILURE_TYPES = List.of("Ignore", "Error", FALLBACK);
    private static final List<String> CACHE_LENGTHS = List.of("NoCache", "Short", "Long");

    private WebhookSubscriptions() {
    }

    public static Map<String, Object> create(StoreData data, JsonNode body) {
        if (data.webhooks.size() >= MAX_PER_STORE) {
            throw new ValidationException("A store holds at most " + MAX_PER_STORE + " webhook subscriptions");
        }
        if (!body.hasNonNull("event_type") || !body.hasNonNull("url")) {
            throw new ValidationException("event_type and url are required");
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", null);
        record.put("event_type", null);
        record.put("url", null);
        record.put("failure_type", "Ignore");
        record.put("store_id", 1L);
        record.put("cache_length", "NoCache");
        record.put("fallback_url", null);
        Map<String, Object> checked = applied(record, body);
        long id = data.webhookIds.next();
        checked.put("id", id);
        data.webhooks.put(id, checked);
        return checked;
    }

    /** Partial update: only the fields the body names change (PUT, or POST naming an existing id). */
    public static Map<String, Object> update(StoreData data, Map<String, Object> existing, JsonNode body) {
        Map<String, Object> checked = applied(existing, body);
        long id = ((Number) existing.get("id")).longValue();
        data.webhooks.put(id, checked);
        return checked;
    }

    private static Map<String, Object> applied(Map<String, Object> record, JsonNode body) {
        Map<String, Object> copy = new LinkedHashMap<>(record);
        if (body.has("event_type")) {
            String type = text(body, "event_type");
            copy.put("event_type", WebhookEventTypes.canonical(type).orElseThrow(() ->
                    new ValidationException("event_type '" + type + "' is not a webhook event type")));
        }
        if (body.has("url")) {
            copy.put("url", url(text(body, "url"), "url"));
        }
        if (body.has("failure_type")) {
            copy.put("failure_type", oneOf(text(body, "failure_type"), FAILURE_TYPES, "failure_type"));
        }
        if (body.has("cache_length")) {
            copy.put("cache_length", oneOf(text(body, "cache_length"), CACHE_LENGTHS, "cache_length"));
        }
        if (body.has("store_id")) {
            JsonNode storeId = body.get("store_id");
            if (!storeId.canConvertToLong() || !storeId.isIntegralNumber() || storeId.asLong() < 1) {
                throw new ValidationException("store_id must be a positive integer");
            }
            copy.put("store_id", storeId.asLong());
        }
        if (body.has("fallback_url")) {
            copy.put("fallback_url", body.get("fallback_url").isNull() ? null
                    : url(text(body, "fallback_url"), "fallback_url"));
        }
        if (FALLBACK.equals(copy.get("failure_type")) && copy.get("fallback_url") == null) {
            throw new ValidationException("failure_type Fallback needs a fallback_url");
        }
        return copy;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new ValidationException(field + " must be a string");
        }
        return value.asText();
    }

    private static String oneOf(String value, List<String> allowed, String field) {
        return allowed.stream().filter(a -> a.equalsIgnoreCase(value)).findFirst().orElseThrow(() ->
                new ValidationException(field + " must be one of " + String.join(", ", allowed)));
    }

    private static String url(String value, String field) {
        if (value.length() > MAX_URL_LENGTH) {
            throw new ValidationException(field + " must be at most " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // falls through to the error below
        }
        throw new ValidationException(field + " must be an absolute http or https URL");
    }
}
