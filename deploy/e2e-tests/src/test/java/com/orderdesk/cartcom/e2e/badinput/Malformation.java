package com.orderdesk.cartcom.e2e.badinput;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * The ways a record can be bad, one per round of table 3, each applied to every consumed topic (a few only where
 * they mean something). Variants of a real record start from the newest valid record of the target store on that
 * topic, so exactly one thing is wrong. Each names the part of the dead-letter reason that must say what is wrong.
 */
enum Malformation {
    NOT_JSON {
        @Override
        Optional<BadRecord> on(ConsumedTopic topic, ObjectNode valid, String key) {
            return BadRecord.of("text that is not JSON", key, "this is not JSON {", "not JSON");
        }
    },
    NOT_AN_OBJECT {
        @Override
        Optional<BadRecord> on(ConsumedTopic topic, ObjectNode valid, String key) {
            return BadRecord.of("a JSON array", key, "[1, 2, 3]", "not a JSON object");
        }
    },
    EMPTY_OBJECT {
        @Override
        Optional<BadRecord> on(ConsumedTopic topic, ObjectNode valid, String key) {
            return BadRecord.of("{} (no field at all)", key, "{}", "missing eventId");
        }
    },
    REQUIRED_FIELD_MISSING {
        @Override
        Optional<BadRecord> on(ConsumedTopic topic, ObjectNode valid, String key) {
            ObjectNode bad = valid.deepCopy();
            bad.remove(topic.requiredField);
            return BadRecord.of("valid record without " + topic.requiredField, key, bad.toString(),
                    "missing " + topic.requiredField);
        }
    },
    WRONG_TYPE {
        @Override
        Optional<BadRecord> on(ConsumedTopic topic, ObjectNode valid, String key) {
            ObjectNode bad = valid.deepCopy();
            bad.put("storeId", "not-a-number");
            return BadRecord.of("storeId \"not-a-number\"", key, bad.toString(), "invalid " + topic.eventType);
        }
    },
    UNKNOWN_EVENT_TYPE {
        @Override
        Optional<BadRecord> on(ConsumedTopic topic, ObjectNode valid, String key) {
            ObjectNode bad = valid.deepCopy();
            bad.put("eventType", "OrderDeleted");
            return BadRecord.of("eventType OrderDeleted (unknown)", key, bad.toString(), "eventType OrderDeleted");
        }
    },
    NEWER_SCHEMA_VERSION {
        @Override
        Optional<BadRecord> on(ConsumedTopic topic, ObjectNode valid, String key) {
            ObjectNode bad = valid.deepCopy();
            bad.put("schemaVersion", 2);
            return BadRecord.of("schemaVersion 2", key, bad.toString(), "schemaVersion 2");
        }
    },
    KEY_NOT_THE_STORE_ID {
        @Override
        Optional<BadRecord> on(ConsumedTopic topic, ObjectNode valid, String key) {
            // A copy of a record already processed: if the key is not checked, the copy changes nothing.
            return BadRecord.of("key 987654321, payload storeId " + key, "987654321", valid.toString(), "key");
        }
    },
    NULL_VALUE {
        @Override
        Optional<BadRecord> on(ConsumedTopic topic, ObjectNode valid, String key) {
            return topic.allowsTombstones()
                    ? BadRecord.of("tombstone whose key is not a store id", "not-a-store", null, "tombstone without")
                    : BadRecord.of("null value (tombstone where none is allowed)", key, null, "empty record");
        }
    },
    NESTING_BOMB {
        @Override
        Optional<BadRecord> on(ConsumedTopic topic, ObjectNode valid, String key) {
            String bomb = "{\"eventId\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}";
            return BadRecord.of("JSON nested 50 000 deep", key, bomb, "not JSON");
        }
    },
    TRUNCATED_ONE_MEGABYTE {
        @Override
        Optional<BadRecord> on(ConsumedTopic topic, ObjectNode valid, String key) {
            String cut = "{\"eventId\": \"" + "A".repeat(1_000_000);
            return BadRecord.of("1 MB record cut off mid-string", key, cut, "not JSON");
        }
    },
    TOPIC_SPECIFIC {
        @Override
        Optional<BadRecord> on(ConsumedTopic topic, ObjectNode valid, String key) {
            ObjectNode bad = valid.deepCopy();
            switch (topic) {
                case STORE_SETTINGS:
                    return BadRecord.of("tombstone with an empty key", "", null, "tombstone without");
                case IMPORT_REQUESTS:
                    bad.put("since", "yesterday");
                    return BadRecord.of("since \"yesterday\" (not an instant)", key, bad.toString(),
                            "invalid " + topic.eventType);
                case ORDERS_RAW:
                    bad.put("storeId", 987654321L);
                    return BadRecord.of("order of an unknown store 987654321 (key too)", "987654321", bad.toString(),
                            "unknown store 987654321");
                case INTEGRATION_ACTIVITY:
                    bad.put("eventId", UUID.randomUUID().toString());
                    bad.put("message", "NUL \u0000 in the message");
                    return BadRecord.of("message with a NUL character (PostgreSQL text refuses it)", key,
                            bad.toString(), "");
                default:
                    return Optional.empty();
            }
        }
    },
    RANDOM_BINARY {
        @Override
        Optional<BadRecord> on(ConsumedTopic topic, ObjectNode valid, String key) {
            return randomBytes(64, topic, key);
        }
    },
    /**
     * Last, because it may stop consumers: a record under Kafka's 1 MB limit whose dead letter is over it (the
     * services read values as strings, and each invalid UTF-8 byte comes back as a 3-byte replacement character).
     */
    RANDOM_BINARY_DEAD_LETTER_OVER_ONE_MEGABYTE {
        @Override
        Optional<BadRecord> on(ConsumedTopic topic, ObjectNode valid, String key) {
            return randomBytes(700, topic, key);
        }
    };

    private static Optional<BadRecord> randomBytes(int kilobytes, ConsumedTopic topic, String key) {
        byte[] garbage = new byte[kilobytes * 1024];
        new Random(topic.ordinal()).nextBytes(garbage);
        String size = kilobytes >= 512 ? " (about 1.3 MB as UTF-8 text)" : "";
        return Optional.of(new BadRecord(kilobytes + " KB of random bytes" + size, key, garbage, "not JSON"));
    }

    /** The bad record of this kind for the topic, or empty where it means nothing there. */
    abstract Optional<BadRecord> on(ConsumedTopic topic, ObjectNode valid, String key);

    /** A record to write: {@code value} null is a Kafka null value. */
    record BadRecord(String description, String key, byte[] value, String reasonPart) {
        static Optional<BadRecord> of(String description, String key, String value, String reasonPart) {
            return Optional.of(new BadRecord(description, key,
                    value == null ? null : value.getBytes(StandardCharsets.UTF_8), reasonPart));
        }
    }
}
