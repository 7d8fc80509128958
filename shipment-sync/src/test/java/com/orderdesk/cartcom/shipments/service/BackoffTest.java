package com.orderdesk.cartcom.shipments.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.kit.retry.Backoff;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10));

    @Test
    void doublesPerAttemptWithinJitterAndStopsAtTheCap() {
        assertBetween(backoff.after(1, Optional.empty()), 24_000, 36_000);
        assertBetween(backoff.after(3, Optional.empty()), 96_000, 144_000);
        assertBetween(backoff.after(40, Optional.empty()), 480_000, 720_000);
    }

    @Test
    void neverWaitsLessThanCartcomAskedFor() {
        assertEquals(Duration.ofMinutes(5), backoff.after(1, Optional.of(Duration.ofMinutes(5))));
        assertBetween(backoff.after(1, Optional.of(Duration.ofSeconds(1))), 24_000, 36_000);
    }

    private static void assertBetween(Duration wait, long minMillis, long maxMillis) {
        assertTrue(wait.toMillis() >= minMillis && wait.toMillis() <= maxMillis, wait.toString());
    }
}
