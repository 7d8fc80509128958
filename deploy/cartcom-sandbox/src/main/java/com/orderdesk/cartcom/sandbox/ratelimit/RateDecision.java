package com.orderdesk.cartcom.sandbox.ratelimit;

import java.time.Instant;

/** Outcome of counting one call against a store's window; used/limit feed the X-AC-Call-Limit header. */
public record RateDecision(boolean allowed, int used, int limit, Instant resetAt) {

    public String callLimitHeader() {
        return used + "/" + limit;
    }
}
