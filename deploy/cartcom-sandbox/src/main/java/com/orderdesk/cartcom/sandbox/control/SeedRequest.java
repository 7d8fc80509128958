package com.orderdesk.cartcom.sandbox.control;

/**
 * Body of POST /_sandbox/stores/{domain}/orders/seed. count defaults to 1; seed makes the orders repeat;
 * days_back spreads ordered_at/created_at over that many past days (updated_at is always now, as for
 * orders that just arrived).
 */
public record SeedRequest(Integer count, Long orderStatusId, Long seed, Integer daysBack) {
}
