package com.orderdesk.cartcom.kit.budget;

import com.orderdesk.cartcom.kit.cartcom.CallLimit;
import java.time.Duration;
import java.util.Optional;

/** What Cart.com's answer to a budgeted call said about the store's window: its HTTP status and headers. */
public record Answer(int status, Optional<CallLimit> callLimit, Optional<Duration> retryAfter) {

    public boolean rateLimited() {
        return status == 429;
    }
}
