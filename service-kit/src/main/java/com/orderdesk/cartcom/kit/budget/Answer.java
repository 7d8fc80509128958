package com.orderdesk.cartcom.kit.budget;

import com.orderdesk.cartcom.kit.cartcom.CallLimit;
import java.time.Duration;
import java.util.Optional;

/** What Cart.com's answer to a budgeted call said about the store's window: its HTTP status and headers. */
public record Answer(int status, Optional<CallLimit> callLimit, Optional<Duration> retryAfter) {

    public boolean rateLimited() {
        return status == 429;
    }

    /**
     * Whether the budget can learn anything from this answer to a call made with {@code slot}: a 429, another limit
     * than the budget's, more calls counted than the budget had granted when asked, or the first call of the
     * budget's window counted first by Cart.com too (when Cart.com's window opened: once a window). Only then is it
     * told, so an ordinary answer costs the budget nothing (a row lock at order-poller, a request from the other
     * services).
     */
    public boolean newsAfter(Slot slot) {
        if (rateLimited()) {
            return true;
        }
        CallLimit limit = callLimit.orElse(null);
        return limit != null && (limit.max() != slot.limit() || limit.used() > slot.used()
                || (limit.used() == 1 && slot.used() == 1));
    }
}
