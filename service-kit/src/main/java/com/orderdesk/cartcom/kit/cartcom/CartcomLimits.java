package com.orderdesk.cartcom.kit.cartcom;

import java.time.Duration;

/**
 * What one store's server may send back. Past any of these an answer is a classified failure of that store
 * ({@link CartcomException.Kind#MALFORMED_RESPONSE}), never memory, time or a wait taken from the other stores.
 *
 * @param maxResponseBytes the largest answer body read; a larger one is cut off while it streams in
 * @param maxPagesPerList  the most pages one list call follows (order statuses, {@code select_many})
 * @param maxRetryAfter    the longest {@code Retry-After} honoured; a longer one is shortened to it
 */
public record CartcomLimits(long maxResponseBytes, int maxPagesPerList, Duration maxRetryAfter) {
    /** 8 MiB is about twenty full pages of 100 orders with their items: far above any real answer. */
    public static final CartcomLimits DEFAULTS = new CartcomLimits(8L * 1024 * 1024, 100, Duration.ofHours(1));

    public CartcomLimits {
        if (maxResponseBytes < 1 || maxPagesPerList < 1 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("Cart.com limits must be positive");
        }
    }

    Duration capped(Duration retryAfter) {
        return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    }
}
