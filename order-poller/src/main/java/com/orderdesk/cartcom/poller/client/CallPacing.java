package com.orderdesk.cartcom.poller.client;

import com.orderdesk.cartcom.kit.cartcom.CartcomStoreApi;
import com.orderdesk.cartcom.poller.config.PollerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Slows a poll down before the store's call limit, from the {@code X-AC-Call-Limit: used/max} of the last answer.
 * A page costs up to three calls (list, addresses, customers); the poll stops at a page boundary when fewer than
 * that plus a reserve are left, and the store is rescheduled after one window instead of a worker sleeping. The
 * reserve leaves room for the rest of the integration (after-import statuses, shipments) on the same store.
 */
@ApplicationScoped
public class CallPacing {
    static final int CALLS_PER_PAGE = 3;

    private final PollerConfig config;

    public CallPacing(PollerConfig config) {
        this.config = config;
    }

    /** How long to wait before the next page, if the store's window is nearly used up. */
    public Optional<Duration> pauseBeforeNextPage(CartcomStoreApi api) {
        return api.lastCallLimit()
                .filter(limit -> limit.remaining() < CALLS_PER_PAGE + reserve(limit.max()))
                .map(limit -> config.callLimitWindow());
    }

    private int reserve(int max) {
        return (int) Math.ceil(max * config.callLimitReserveShare());
    }
}
