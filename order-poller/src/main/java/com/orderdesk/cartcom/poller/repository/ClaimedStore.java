package com.orderdesk.cartcom.poller.repository;

import java.time.Instant;

/**
 * A store this instance holds the lease on, with where its last poll stopped; walkUnfinished: that poll stopped
 * early and this one continues right after the cursor. dueAt: when the poll was due (how late it starts is a metric).
 */
public record ClaimedStore(long storeId, Instant cursorUpdatedAt, Long cursorOrderId, int consecutiveFailures,
                           boolean walkUnfinished, Instant dueAt) {
}
