package com.orderdesk.cartcom.kit.retry;

import com.orderdesk.cartcom.kit.cartcom.CartcomException;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@link Backoff} for SmallRye Fault Tolerance's {@code @Retry} + {@code @CustomBackoff}: doubling from the
 * {@code @Retry}'s delay, capped at 32 times that delay, never sooner than
 * a {@link CartcomException}'s Retry-After. One instance serves one guarded invocation, so it counts its attempts.
 */
public class RetryAfterBackoff implements CustomBackoffStrategy {
    private static final int CAP_FACTOR = 32;
    private Backoff backoff;
    private int attempt;

    @Override
    public void init(long initialDelayInMillis) {
        Duration initial = Duration.ofMillis(initialDelayInMillis);
        backoff = new Backoff(initial, initial.multipliedBy(CAP_FACTOR));
        attempt = 0;
    }

    @Override
    public long nextDelayInMillis(Throwable failure) {
        attempt++;
        Optional<Duration> asked = failure instanceof CartcomException cartcom ? cartcom.retryAfter() : Optional.empty();
        return backoff.after(attempt, asked).toMillis();
    }
}
