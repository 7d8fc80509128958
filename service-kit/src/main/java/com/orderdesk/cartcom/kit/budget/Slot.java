package com.orderdesk.cartcom.kit.budget;

import java.time.Instant;

/**
 * The budget's answer to one call about to be made: granted, or not before {@code retryAt}. {@code used} and
 * {@code limit} are the window's count after the answer, so that a caller can tell when Cart.com's own count
 * ({@code X-AC-Call-Limit}) says something the budget did not know.
 */
public record Slot(boolean granted, Instant retryAt, int used, int limit) {

    public static Slot granted(int used, int limit) {
        return new Slot(true, null, used, limit);
    }

    public static Slot notBefore(Instant retryAt, int used, int limit) {
        return new Slot(false, retryAt, used, limit);
    }
}
