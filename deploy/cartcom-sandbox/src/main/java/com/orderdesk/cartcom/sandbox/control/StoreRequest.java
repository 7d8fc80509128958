package com.orderdesk.cartcom.sandbox.control;

import java.util.List;
/**
 * Body of POST and PUT /_sandbox/stores: every field optional. rate_limit (with window_seconds) overrides
 * the plan's limit; token fixes the first token (handy for a local stack's configuration); real_world names the
 * real-world shapes new orders take ({@code ["all"]} for every one, {@code []} for none); count_cap is the page cap
 * of the count_cap shape.
 */
public record StoreRequest(String domain, String plan, Integer rateLimit, Integer windowSeconds, String utcOffset,
                           String retryAfterFormat, String token, List<String> realWorld,
                           Integer countCap) {

    public static StoreRequest empty() {
        return new StoreRequest(null, null, null, null, null, null, null, null, null);
    }
}
