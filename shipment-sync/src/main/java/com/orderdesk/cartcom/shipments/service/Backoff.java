package com.orderdesk.cartcom.shipments.service;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, never shorter than what Cart.com asked for in Retry-After. */
public final class Backoff {
    private final Duration initial;
    private final Duration max;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** The wait after the {@code attempt}-th (1-based) failed attempt. */
    public Duration after(int attempt, Duration retryAfter) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long millis = Math.min(max.toMillis(), initial.toMillis() << Math.min(doublings, 20));
        // +-20% jitter so shipments that failed together do not retry in lockstep against one store's limit
        long jitter = (long) (millis * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        Duration wait = Duration.ofMillis(Math.max(0, millis + jitter));
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }
}
