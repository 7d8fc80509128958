package com.orderdesk.cartcom.sandbox.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * A fixed window per store, as Cart.com counts: the first call after a window ends opens a new one,
 * and the counter resets only when that window ends (no sliding).
 */
public final class FixedWindowRateLimiter {

    private int limit;
    private Duration window;
    private Instant windowStart = Instant.EPOCH;
    private int used;

    public FixedWindowRateLimiter(int limit, Duration window) {
        reconfigure(limit, window);
    }

    public synchronized void reconfigure(int limit, Duration window) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rate limit and window must be positive");
        }
        this.limit = limit;
        this.window = window;
    }

    /** Counts the call if the window still has room; a rejected call is not counted. */
    public synchronized RateDecision tryAcquire(Instant now) {
        rollWindow(now);
        if (used >= limit) {
            return new RateDecision(false, used, limit, windowStart.plus(window));
        }
        used++;
        return new RateDecision(true, used, limit, windowStart.plus(window));
    }

    /** The state a simulated 429 reports: the window looks exhausted. */
    public synchronized RateDecision exhaustedView(Instant now) {
        rollWindow(now);
        return new RateDecision(false, limit, limit, windowStart.plus(window));
    }

    public synchronized int limit() {
        return limit;
    }

    public synchronized Duration window() {
        return window;
    }

    private void rollWindow(Instant now) {
        if (!now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            used = 0;
        }
    }
}
