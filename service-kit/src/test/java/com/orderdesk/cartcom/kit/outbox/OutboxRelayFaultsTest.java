package com.orderdesk.cartcom.kit.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which send failures set a row aside (the row's own) and which leave it pending (the broker's or the network's). */
class OutboxRelayFaultsTest {

    static Stream<Exception> failuresOfTheRecordItself() {
        return Stream.of(new RecordTooLargeException("too large"), new RecordBatchTooLargeException("too large"),
                new InvalidTopicException("bad topic"), new InvalidRecordException("bad record"),
                new SerializationException("cannot serialize"));
    }

    static Stream<Exception> transientOrSystemWideFailures() {
        return Stream.of(new TimeoutException("expired"), new NotEnoughReplicasException("isr"),
                new NetworkException("gone"), new TopicAuthorizationException("denied"),
                new AuthorizationException("denied"), new IllegalStateException("producer closed"));
    }

    @ParameterizedTest
    @MethodSource("failuresOfTheRecordItself")
    void failuresOfTheRecordItselfSetItAside(Exception failure) {
        assertTrue(OutboxRelay.isRowsOwnFault(failure));
    }

    @ParameterizedTest
    @MethodSource("transientOrSystemWideFailures")
    void transientOrSystemWideFailuresLeaveItPending(Exception failure) {
        assertFalse(OutboxRelay.isRowsOwnFault(failure));
    }

    @Test
    void theReasonNamesTheErrorAndIsShort() {
        assertEquals("RecordTooLargeException: 2097553 bytes", OutboxRelay.reason(new RecordTooLargeException("2097553 bytes")));
        assertEquals(OutboxRelay.MAX_REASON, OutboxRelay.reason(new InvalidTopicException("x".repeat(10_000))).length());
    }
}
