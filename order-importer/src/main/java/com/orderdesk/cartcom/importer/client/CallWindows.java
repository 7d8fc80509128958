package com.orderdesk.cartcom.importer.client;

import com.orderdesk.cartcom.kit.cartcom.CallLimit;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Cart.com's answers told this instance of each store's fixed call window ({@code X-AC-Call-Limit: used/max}):
 * when a call of ours opened it. Knowing that, a used-up window's end is known and the store can rest until then
 * instead of spending a call on a 429. One small entry per store called, kept across worker runs, because a run
 * often starts inside a window an earlier run opened.
 */
@ApplicationScoped
public class CallWindows {
    private final Map<Long, Instant> openedAt = new ConcurrentHashMap<>();

    /** Taken when the answer is in, not when the call left: the window cannot have opened later than that. */
    void answered(long storeId, Optional<CallLimit> limit) {
        if (limit.filter(l -> l.used() == 1).isPresent()) {
            openedAt.put(storeId, Instant.now());
        }
    }

    /**
     * When the store's window ends, if the last answer said it is used up and a call of ours opened it. Empty when
     * calls are left or the opening is not known (another service or instance opened it): a 429's Retry-After tells.
     */
    Optional<Instant> usedUpUntil(long storeId, Optional<CallLimit> limit, Duration window) {
        Instant opened = openedAt.get(storeId);
        if (opened == null || limit.isEmpty() || limit.get().used() < limit.get().max()) {
            return Optional.empty();
        }
        Instant end = opened.plus(window);
        return end.isAfter(Instant.now()) ? Optional.of(end) : Optional.empty();
    }
}
