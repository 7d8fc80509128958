package com.orderdesk.cartcom.model.events;

/** Kafka header names used on every event record and on dead letters. */
public final class EventHeaders {
    public static final String EVENT_TYPE = "eventType";
    public static final String EVENT_ID = "eventId";
    /*
     * Dead letters: every service uses SmallRye's dead-letter-queue failure strategy, which writes these headers
     * (the reason is the failure's message, e.g. "missing cartOrderId"), so every <topic>.dlq reads the same.
     */
    /** On a dead letter: why the record could not be processed. */
    public static final String DLQ_REASON = "dead-letter-reason";
    /** On a dead letter: the exception class behind the reason, when there was one. */
    public static final String DLQ_CAUSE = "dead-letter-cause";
    /** On a dead letter: the consumer group that gave up on it (added by services that name it). */
    public static final String DLQ_CONSUMER = "dead-letter-consumer";
    public static final String DLQ_ORIGINAL_TOPIC = "dead-letter-topic";
    public static final String DLQ_ORIGINAL_PARTITION = "dead-letter-partition";
    public static final String DLQ_ORIGINAL_OFFSET = "dead-letter-offset";
    /**
     * On a dead letter whose value was cut to fit in a Kafka record ({@link DeadLetterValueSerializer}): the size in
     * bytes of the whole value, as UTF-8.
     */
    public static final String DLQ_TRUNCATED = "dead-letter-truncated";

    private EventHeaders() {
    }
}
