package com.orderdesk.cartcom.kit.retry;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one retry schedule of the services: {@code initial * 2^(attempt-1)}, capped at {@code max}, with +-20% jitter
 * so work that failed together (one store's shipments, many stores after an outage) does not retry in lockstep, and
 * never sooner than Cart.com asked in Retry-After (either form, parsed by {@code RetryAfter}). Used for retries kept
 * as rows with a next-attempt time and, through {@link RetryAfterBackoff}, for in-process {@code @Retry}s.
 */
public record Backoff(Duration initial, Duration max) {
    private static final int MAX_DOUBLINGS = 20;

    public Backoff {
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max, got " + initial + " and " + max);
        }
    }

    /** The wait after the {@code attempt}-th (1-based) failed attempt. */
    public Duration after(int attempt, Optional<Duration> retryAfter) {
        Duration wait = withJitter(unjittered(attempt));
        return retryAfter.filter(asked -> asked.compareTo(wait) > 0).orElse(wait);
    }

    /** The wait without jitter: {@code initial * 2^(attempt-1)}, capped at {@code max}. */
    public Duration unjittered(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), MAX_DOUBLINGS);
        long millis = initial.toMillis() << doublings;
        return Duration.ofMillis(Math.min(max.toMillis(), millis));
    }

    private static Duration withJitter(Duration wait) {
        double factor = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (wait.toMillis() * factor));
    }
}
