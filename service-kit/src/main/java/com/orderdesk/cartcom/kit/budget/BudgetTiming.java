package com.orderdesk.cartcom.kit.budget;

import java.time.Duration;

/**
 * The clock of a store's budget. {@code window} is Cart.com's (10 s); the budget's own window is longer by
 * {@code margin}, because Cart.com opens its window when the first call arrives, a little after the slot for it was
 * taken: without the margin the first call of the budget's next window could still land in Cart.com's last one.
 * {@code stagger} orders the kinds at a window's start: a refused kind is told to come back that much later per
 * place in {@link CallKind}'s order, so the higher kinds ask first.
 */
public record BudgetTiming(Duration window, Duration margin, Duration stagger, int assumedLimit) {
    public static final BudgetTiming CARTCOM = new BudgetTiming(Duration.ofSeconds(10), Duration.ofMillis(500),
            Duration.ofMillis(50), 10);

    public BudgetTiming {
        if (window.isNegative() || window.isZero() || margin.isNegative() || stagger.isNegative() || assumedLimit < 1) {
            throw new IllegalArgumentException("budget window must be positive, margin and stagger not negative, "
                    + "assumed limit at least 1");
        }
    }

    long lengthMillis() {
        return window.toMillis() + margin.toMillis();
    }
}
