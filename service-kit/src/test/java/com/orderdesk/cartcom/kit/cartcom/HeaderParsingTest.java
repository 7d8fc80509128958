package com.orderdesk.cartcom.kit.cartcom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeaderParsingTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void retryAfterInSeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse("7", clock));
    }

    @Test
    void retryAfterAsAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(9)), RetryAfter.parse("Fri, 27 Nov 2026 12:00:09 GMT", clock));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Fri, 27 Nov 2026 11:59:00 GMT", clock));
    }

    @Test
    void retryAfterGarbageIsIgnored() {
        assertTrue(RetryAfter.parse("soon", clock).isEmpty());
        assertTrue(RetryAfter.parse(null, clock).isEmpty());
    }

    @Test
    void callLimit() {
        assertEquals(Optional.of(new CallLimit(3, 20)), CallLimit.parse("3/20"));
        assertEquals(17, CallLimit.parse("3/20").orElseThrow().remaining());
        assertTrue(CallLimit.parse("x/20").isEmpty());
        assertTrue(CallLimit.parse("20").isEmpty());
    }
}
