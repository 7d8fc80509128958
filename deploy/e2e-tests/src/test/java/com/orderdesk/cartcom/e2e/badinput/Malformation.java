package com.orderdesk.cartcom.e2e.badinput;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The ways a record can be bad, one per round of table 3, each applied to every consumed topic (a few only where
 * they mean something). Variants of a real record start from the newest valid record of the target store on that
 * topic, so exactly one thing is wrong. Each names the part of the dead-letter reason that must say what is wrong.
 */
enum Malformation {
    NOT_JSON((topic, valid, key) -> BadRecord.of("text that is not JSON", key, "this is not JSON {", "not JSON")),
    NOT_AN_OBJECT((topic, valid, key) -> BadRecord.of("a JSON array", key, "[1, 2, 3]", "not a JSON object")),
    EMPTY_OBJECT((topic, valid, key) -> BadRecord.of("{} (no field at all)", key, "{}", "missing eventId")),
    REQUIRED_FIELD_MISSING((topic, valid, key) -> BadRecord.of("valid record without " + topic.requiredField, key,
            changed(valid, bad -> bad.remove(topic.requiredField)), "missing " + topic.requiredField)),
    WRONG_TYPE((topic, valid, key) -> BadRecord.of("storeId \"not-a-number\"", key,
            changed(valid, bad -> bad.put("storeId", "not-a-number")), "invalid " + topic.eventType)),
    UNKNOWN_EVENT_TYPE((topic, valid, key) -> BadRecord.of("eventType OrderDeleted (unknown)", key,
            changed(valid, bad -> bad.put("eventType", "OrderDeleted")), "eventType OrderDeleted")),
    NEWER_SCHEMA_VERSION((topic, valid, key) -> BadRecord.of("schemaVersion 2", key,
            changed(valid, bad -> bad.put("schemaVersion", 2)), "schemaVersion 2")),
    /** A copy of a record already processed: if the key is not checked, the copy changes nothing. */
    KEY_NOT_THE_STORE_ID((topic, valid, key) -> BadRecord.of("key 987654321, payload storeId " + key, "987654321",
            valid.toString(), "key")),
    NULL_VALUE((topic, valid, key) -> topic.allowsTombstones()
            ? BadRecord.of("tombstone whose key is not a store id", "not-a-store", null, "tombstone without")
            : BadRecord.of("null value (tombstone where none is allowed)", key, null, "empty record")),
    NESTING_BOMB((topic, valid, key) -> BadRecord.of("JSON nested 50 000 deep", key,
            "{\"eventId\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}", "not JSON")),
    TRUNCATED_ONE_MEGABYTE((topic, valid, key) -> BadRecord.of("1 MB record cut off mid-string", key,
            "{\"eventId\": \"" + "A".repeat(1_000_000), "not JSON")),
    TOPIC_SPECIFIC(Malformation::topicSpecific),
    RANDOM_BINARY((topic, valid, key) -> randomBytes(64, topic, key)),
    /**
     * Last, because it may stop consumers: a record under Kafka's 1 MB limit whose dead letter is over it (the
     * services read values as strings, and each invalid UTF-8 byte comes back as a 3-byte replacement character).
     */
    RANDOM_BINARY_DEAD_LETTER_OVER_ONE_MEGABYTE((topic, valid, key) -> randomBytes(700, topic, key));

    private final Maker maker;

    Malformation(Maker maker) {
        this.maker = maker;
    }

    /** The bad record of this kind for the topic, or empty where it means nothing there. */
    Optional<BadRecord> on(ConsumedTopic topic, ObjectNode valid, String key) {
        return maker.make(topic, valid, key);
    }

    /** What one kind makes of a topic, the target store's newest valid record there and its key. */
    @FunctionalInterface
    private interface Maker {
        Optional<BadRecord> make(ConsumedTopic topic, ObjectNode valid, String key);
    }

    /** The valid record with one thing changed, as text. */
    private static String changed(ObjectNode valid, Consumer<ObjectNode> change) {
        ObjectNode bad = valid.deepCopy();
        change.accept(bad);
        return bad.toString();
    }

    private static Optional<BadRecord> topicSpecific(ConsumedTopic topic, ObjectNode valid, String key) {
        switch (topic) {
            case STORE_SETTINGS:
                return BadRecord.of("tombstone with an empty key", "", null, "tombstone without");
            case IMPORT_REQUESTS:
                return BadRecord.of("since \"yesterday\" (not an instant)", key,
                        changed(valid, bad -> bad.put("since", "yesterday")), "invalid " + topic.eventType);
            case ORDERS_RAW:
                return BadRecord.of("order of an unknown store 987654321 (key too)", "987654321",
                        changed(valid, bad -> bad.put("storeId", 987654321L)), "unknown store 987654321");
            case INTEGRATION_ACTIVITY:
                return BadRecord.of("message with a NUL character (PostgreSQL text refuses it)", key,
                        changed(valid, bad -> bad.put("eventId", UUID.randomUUID().toString())
                                .put("message", "NUL \u0000 in the message")), "");
            default:
                return Optional.empty();
        }
    }

    private static Optional<BadRecord> randomBytes(int kilobytes, ConsumedTopic topic, String key) {
        byte[] garbage = new byte[kilobytes * 1024];
        new Random(topic.ordinal()).nextBytes(garbage);
        String size = kilobytes >= 512 ? " (about 1.3 MB as UTF-8 text)" : "";
        return Optional.of(new BadRecord(kilobytes + " KB of random bytes" + size, key, garbage, "not JSON"));
    }

    /** A record to write: {@code value} null is a Kafka null value. */
    record BadRecord(String description, String key, byte[] value, String reasonPart) {
        static Optional<BadRecord> of(String description, String key, String value, String reasonPart) {
            return Optional.of(new BadRecord(description, key,
                    value == null ? null : value.getBytes(StandardCharsets.UTF_8), reasonPart));
        }
    }
}
