package com.orderdesk.cartcom.kit.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

/** Which send failures set a row aside (the row's own) and which leave it pending (the broker's or the network's). */
class OutboxRelayFaultsTest {

    @Test
    void failuresOfTheRecordItselfSetItAside() {
        assertTrue(OutboxRelay.isRowsOwnFault(new RecordTooLargeException("too large")));
        assertTrue(OutboxRelay.isRowsOwnFault(new RecordBatchTooLargeException("too large")));
        assertTrue(OutboxRelay.isRowsOwnFault(new InvalidTopicException("bad topic")));
        assertTrue(OutboxRelay.isRowsOwnFault(new InvalidRecordException("bad record")));
        assertTrue(OutboxRelay.isRowsOwnFault(new SerializationException("cannot serialize")));
    }

    @Test
    void transientOrSystemWideFailuresLeaveItPending() {
        assertFalse(OutboxRelay.isRowsOwnFault(new TimeoutException("expired")));
        assertFalse(OutboxRelay.isRowsOwnFault(new NotEnoughReplicasException("isr")));
        assertFalse(OutboxRelay.isRowsOwnFault(new NetworkException("gone")));
        assertFalse(OutboxRelay.isRowsOwnFault(new TopicAuthorizationException("denied")));
        assertFalse(OutboxRelay.isRowsOwnFault(new AuthorizationException("denied")));
        assertFalse(OutboxRelay.isRowsOwnFault(new IllegalStateException("producer closed")));
    }

    @Test
    void theReasonNamesTheErrorAndIsShort() {
        assertEquals("RecordTooLargeException: 2097553 bytes", OutboxRelay.reason(new RecordTooLargeException("2097553 bytes")));
        assertEquals(OutboxRelay.MAX_REASON, OutboxRelay.reason(new InvalidTopicException("x".repeat(10_000))).length());
    }
}
