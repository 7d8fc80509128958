package com.orderdesk.cartcom.sandbox.control;

/**
 * Body of POST and PUT /_sandbox/stores: every field optional. rate_limit (with window_seconds) overrides
 * the plan's limit; token fixes the first token (handy for a local stack's configuration).
 */
public record StoreRequest(String domain, String plan, Integer rateLimit, Integer windowSeconds, String utcOffset,
                           String retryAfterFormat, String token) {

    public static StoreRequest empty() {
        return new StoreRequest(null, null, null, null, null, null, null);
    }
}
