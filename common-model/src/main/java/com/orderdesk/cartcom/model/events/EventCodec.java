package com.orderdesk.cartcom.model.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.cartcom.model.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the events of CONTRACTS.md. Reading checks what Jackson alone would let through
 * (missing ids, a wrong event type, a newer schema), so a consumer can send a bad record to the DLQ with a
 * precise reason instead of failing later in the middle of its work.
 */
public final class EventCodec {
    private static final ObjectMapper MAPPER = Json.mapper();

    /** Payload fields that must be present and non-null, beside the common ones, by event type. */
    private static final Map<Class<?>, List<String>> REQUIRED = Map.of(
            StoreIntegrationChanged.class, List.of("version"),
            ManualImportRequested.class, List.of("importId", "since"),
            CartOrderFetched.class, List.of("cartOrderId", "order"),
            OrderImported.class, List.of("orderId", "sourceId", "cartOrderId", "folderId"),
            ShipmentCreated.class, List.of("shipmentId", "orderId", "trackingNumber", "carrierCode"),
            ActivityRecorded.class, List.of("kind", "level", "message"),
            PollRequested.class, List.of("reason", "receivedAt"));

    private static final int MAX_QUOTED_KEY = 64;

    private static final List<String> COMMON = List.of("eventId", "eventType", "schemaVersion", "occurredAt", "storeId");

    public static String write(IntegrationEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event.eventType(), e);
        }
    }

    public static byte[] writeBytes(IntegrationEvent event) {
        return write(event).getBytes(StandardCharsets.UTF_8);
    }

    public static <T extends IntegrationEvent> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty record");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new MalformedEventException("not JSON: " + firstLine(e.getMessage()), e);
        }
        return read(tree, type);
    }

    /**
     * Reads a record's value and checks its Kafka key. CONTRACTS.md keys every record by its payload's store id, and
     * per-store ordering depends on it: a record keyed otherwise (or not at all) is as malformed as a missing field.
     */
    public static <T extends IntegrationEvent> T readKeyed(String key, String json, Class<T> type) {
        T event = read(json, type);
        if (!event.key().equals(key)) {
            throw new MalformedEventException("key " + abbreviate(key) + " is not the store id " + event.storeId()
                    + " of the payload");
        }
        return event;
    }

    public static <T extends IntegrationEvent> T read(byte[] json, Class<T> type) {
        return read(json == null ? null : new String(json, StandardCharsets.UTF_8), type);
    }

    /** The event shares its JSON-tree fields (CartOrderFetched's order and addresses) with {@code tree}. */
    public static <T extends IntegrationEvent> T read(JsonNode tree, Class<T> type) {
        if (tree == null || !tree.isObject()) {
            throw new MalformedEventException("not a JSON object");
        }
        List<String> missing = missing(tree, COMMON);
        if (!missing.isEmpty()) {
            throw new MalformedEventException("missing " + String.join(", ", missing));
        }
        String expectedType = expectedType(type);
        String actualType = tree.get("eventType").asText();
        if (!expectedType.equals(actualType)) {
            throw new MalformedEventException("eventType " + actualType + " where " + expectedType + " was expected");
        }
        int version = tree.get("schemaVersion").asInt(-1);
        if (version != IntegrationEvent.SCHEMA_VERSION) {
            throw new MalformedEventException("unsupported schemaVersion " + tree.get("schemaVersion").asText());
        }
        missing = missing(tree, REQUIRED.getOrDefault(type, List.of()));
        if (!missing.isEmpty()) {
            throw new MalformedEventException("missing " + String.join(", ", missing));
        }
        try {
            return TreeKeepingBinder.bind(MAPPER, (ObjectNode) tree, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedEventException("invalid " + expectedType + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static List<String> missing(JsonNode tree, List<String> fields) {
        List<String> missing = new ArrayList<>();
        for (String field : fields) {
            if (isMissing(tree, field)) {
                missing.add(field);
            }
        }
        return missing;
    }

    private static boolean isMissing(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        return value == null || value.isNull() || (value.isTextual() && value.asText().isBlank());
    }

    private static String expectedType(Class<?> type) {
        try {
            return (String) type.getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type + " has no TYPE constant", e);
        }
    }

    /** A key quoted in a reason: the reason is a dead-letter header, so a huge key must not make it huge too. */
    private static String abbreviate(String key) {
        if (key == null || key.length() <= MAX_QUOTED_KEY) {
            return key;
        }
        return key.substring(0, MAX_QUOTED_KEY) + "... (" + key.length() + " characters)";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private EventCodec() {
    }
}
