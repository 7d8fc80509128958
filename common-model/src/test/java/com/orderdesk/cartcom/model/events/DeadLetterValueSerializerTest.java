package com.orderdesk.cartcom.model.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** A dead letter always fits in a Kafka record: an oversized value is cut between characters, and says so. */
class DeadLetterValueSerializerTest {
    private final DeadLetterValueSerializer serializer = new DeadLetterValueSerializer();

    @Test
    void aValueWithinTheLimitIsWrittenAsUtf8Untouched() {
        RecordHeaders headers = new RecordHeaders();
        String value = "{\"message\": \"caf\u00e9 \u20ac \uD83D\uDE00\"}";
        assertArrayEquals(value.getBytes(StandardCharsets.UTF_8), serializer.serialize("t.dlq", headers, value));
        assertNull(headers.lastHeader(EventHeaders.DLQ_TRUNCATED));
    }

    @Test
    void aValueOfExactlyTheLimitIsNotCut() {
        RecordHeaders headers = new RecordHeaders();
        String value = "A".repeat(DeadLetterValueSerializer.MAX_BYTES);
        assertEquals(DeadLetterValueSerializer.MAX_BYTES, serializer.serialize("t.dlq", headers, value).length);
        assertNull(headers.lastHeader(EventHeaders.DLQ_TRUNCATED));
    }

    @Test
    void aNullValueStaysNull() {
        RecordHeaders headers = new RecordHeaders();
        assertNull(serializer.serialize("t.dlq", headers, null));
        assertNull(serializer.serialize("t.dlq", null));
        assertNull(headers.lastHeader(EventHeaders.DLQ_TRUNCATED));
    }

    @Test
    void anOversizedValueIsCutBetweenCharactersAndMarkedWithItsSize() {
        // 4-byte characters after 0 to 3 ASCII ones: the limit falls on every position within a character.
        for (int ascii = 0; ascii < 4; ascii++) {
            String value = "x".repeat(ascii) + "\uD83D\uDE00".repeat(DeadLetterValueSerializer.MAX_BYTES / 4 + 10);
            int fullSize = value.getBytes(StandardCharsets.UTF_8).length;
            RecordHeaders headers = new RecordHeaders();

            byte[] written = serializer.serialize("t.dlq", headers, value);

            assertTrue(written.length <= DeadLetterValueSerializer.MAX_BYTES, "at most the limit: " + written.length);
            assertTrue(written.length > DeadLetterValueSerializer.MAX_BYTES - 4, "at most one character less");
            String decoded = new String(written, StandardCharsets.UTF_8);
            assertEquals(value.substring(0, decoded.length()), decoded, "a prefix of whole characters");
            Header truncated = headers.lastHeader(EventHeaders.DLQ_TRUNCATED);
            assertEquals(Integer.toString(fullSize), new String(truncated.value(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void binaryReadAsTextFitsAgain() {
        // What the services hold after reading 700 KB of random bytes as a string: about 1.3 MB as UTF-8.
        byte[] garbage = new byte[700 * 1024];
        new Random(7).nextBytes(garbage);
        String asRead = new String(garbage, StandardCharsets.UTF_8);
        assertTrue(asRead.getBytes(StandardCharsets.UTF_8).length > 1024 * 1024, "the case that stopped consumers");

        byte[] written = serializer.serialize("t.dlq", new RecordHeaders(), asRead);

        assertTrue(written.length <= DeadLetterValueSerializer.MAX_BYTES);
        String decoded = new String(written, StandardCharsets.UTF_8);
        assertEquals(asRead.substring(0, decoded.length()), decoded);
    }
}
