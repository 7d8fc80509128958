package com.orderdesk.cartcom.kit.consuming;

import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.IntegrationEvent;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The one way a consumer takes an event record: read by the contract's rule (its key is its store id; otherwise, or
 * unreadable, it throws {@code MalformedEventException}, which the channel's dead-letter strategy sends to the
 * {@code .dlq} topic with the reason while the consumer keeps going), then worked on through database outages
 * ({@link DatabaseOutages}: the record waits, and is never dead-lettered because PostgreSQL was away).
 */
public final class KeyedRecords {
    private KeyedRecords() {
    }

    /**
     * Reads the record as {@code type} and runs {@code work} on the event until no database outage stops it;
     * {@code what} names the work in the log while it waits.
     */
    public static <E extends IntegrationEvent> void consume(ConsumerRecord<String, String> record, Class<E> type,
                                                            Function<E, String> what, Consumer<E> work) {
        E event = EventCodec.readKeyed(record.key(), record.value(), type);
        DatabaseOutages.retryThrough(what.apply(event), () -> work.accept(event));
    }
}
