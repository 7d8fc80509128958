package com.orderdesk.cartcom.model.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value serializer of every dead-letter producer
 * ({@code mp.messaging.incoming.<channel>.dead-letter-queue.value.serializer}): UTF-8, like StringSerializer, but a
 * value over {@link #MAX_BYTES} is cut at a character boundary and marked with {@link EventHeaders#DLQ_TRUNCATED}.
 * <p>
 * Why: the services read values as strings, so each invalid UTF-8 byte of a record comes back as a 3-byte
 * replacement character. A binary record well under Kafka's 1 MB limit can so have a dead letter over the producer's
 * max.request.size; that write fails, SmallRye then fails the channel and every consumer of the topic stops. A cut
 * dead letter still shows what arrived (and where: its origin headers), and the consumer goes on.
 */
public class DeadLetterValueSerializer implements Serializer<String> {
    /**
     * Half the 1 MB default of max.request.size and the broker's message.max.bytes: room left for the key and the
     * headers (the record's own, and the dead-letter reason and origin).
     */
    public static final int MAX_BYTES = 512 * 1024;

    @Override
    public byte[] serialize(String topic, String data) {
        return serialize(topic, null, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, String data) {
        if (data == null) {
            return null;
        }
        byte[] utf8 = data.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_BYTES) {
            return utf8;
        }
        if (headers != null) {
            headers.add(EventHeaders.DLQ_TRUNCATED, Integer.toString(utf8.length).getBytes(StandardCharsets.UTF_8));
        }
        return Arrays.copyOf(utf8, characterBoundaryAtOrBefore(utf8, MAX_BYTES));
    }

    /** The largest cut at or before {@code limit} that does not split a character's bytes. */
    private static int characterBoundaryAtOrBefore(byte[] utf8, int limit) {
        int cut = limit;
        while (cut > 0 && isContinuationByte(utf8[cut])) {
            cut--;
        }
        return cut;
    }

    /** UTF-8 continuation bytes are 10xxxxxx; any other byte starts a character. */
    private static boolean isContinuationByte(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
