package com.orderdesk.cartcom.poller.repository;

import java.time.Instant;

/** A store this instance holds the lease on, with where its last poll stopped. */
public record ClaimedStore(long storeId, Instant cursorUpdatedAt, Long cursorOrderId, int consecutiveFailures) {
}
