package com.orderdesk.cartcom.kit.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.kit.cartcom.CartcomException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5));

    @Test
    void doublesFromTheInitialWaitUpToTheCap() {
        assertEquals(Duration.ofSeconds(10), BACKOFF.unjittered(1));
        assertEquals(Duration.ofSeconds(20), BACKOFF.unjittered(2));
        assertEquals(Duration.ofSeconds(40), BACKOFF.unjittered(3));
        assertEquals(Duration.ofSeconds(160), BACKOFF.unjittered(5));
        assertEquals(Duration.ofMinutes(5), BACKOFF.unjittered(6));
        assertEquals(Duration.ofMinutes(5), BACKOFF.unjittered(1_000));
        assertEquals(Duration.ofMinutes(5), BACKOFF.unjittered(Integer.MAX_VALUE));
        assertEquals(Duration.ofSeconds(10), BACKOFF.unjittered(0), "attempt 0 counts as the first");
    }

    @Test
    void jittersWithinTwentyPercentAndNeverPastTheBounds() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            long base = BACKOFF.unjittered(attempt).toMillis();
            for (int i = 0; i < 500; i++) {
                long wait = BACKOFF.after(attempt, Optional.empty()).toMillis();
                assertTrue(wait >= base * 0.8 && wait <= base * 1.2, attempt + ": " + wait + " vs " + base);
            }
        }
    }

    @Test
    void retryAfterWinsWhenLonger() {
        Duration asked = Duration.ofMinutes(30);
        assertEquals(asked, BACKOFF.after(1, Optional.of(asked)));
        assertEquals(asked, BACKOFF.after(50, Optional.of(asked)), "longer than the cap: still honoured");
        Duration shortAsk = Duration.ofSeconds(1);
        assertTrue(BACKOFF.after(3, Optional.of(shortAsk)).toMillis() >= 32_000, "a shorter Retry-After does not shorten");
    }

    @Test
    void refusesAnInitialAboveTheCapOrNegative() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(-1), Duration.ofMinutes(1)));
    }

    @Test
    void theFaultToleranceStrategyDoublesFromTheDelayAndHonoursRetryAfter() {
        RetryAfterBackoff strategy = new RetryAfterBackoff();
        strategy.init(100);
        RuntimeException plain = new RuntimeException("boom");
        long first = strategy.nextDelayInMillis(plain);
        long second = strategy.nextDelayInMillis(plain);
        assertTrue(first >= 80 && first <= 120, "first " + first);
        assertTrue(second >= 160 && second <= 240, "second " + second);
        for (int i = 0; i < 20; i++) {
            assertTrue(strategy.nextDelayInMillis(plain) <= 3_200 * 1.2, "capped at 32 x the delay");
        }
        CartcomException limited = new CartcomException(CartcomException.Kind.RATE_LIMITED, 429, "429",
                Duration.ofSeconds(9), null);
        strategy.init(100);
        assertEquals(9_000, strategy.nextDelayInMillis(limited));
    }
}
