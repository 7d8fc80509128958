package com.orderdesk.cartcom.model.events;

/** Kafka header names used on every event record and on dead letters. */
public final class EventHeaders {
    public static final String EVENT_TYPE = "eventType";
    public static final String EVENT_ID = "eventId";
    /** On a dead letter: why the record could not be processed. */
    public static final String DLQ_REASON = "dlq-reason";
    /** On a dead letter: the consumer group that gave up on it. */
    public static final String DLQ_CONSUMER = "dlq-consumer";
    public static final String DLQ_ORIGINAL_TOPIC = "dlq-original-topic";
    public static final String DLQ_ORIGINAL_PARTITION = "dlq-original-partition";
    public static final String DLQ_ORIGINAL_OFFSET = "dlq-original-offset";

    private EventHeaders() {
    }
}
