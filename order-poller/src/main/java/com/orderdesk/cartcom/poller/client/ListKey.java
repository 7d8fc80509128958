package com.orderdesk.cartcom.poller.client;

import java.time.Instant;
import java.util.Comparator;

/** An order's place in a list sorted by (a datetime field, id): where a keyset walk stands. */
public record ListKey(Instant at, long id) implements Comparable<ListKey> {
    private static final Comparator<ListKey> ORDER = Comparator.comparing(ListKey::at).thenComparingLong(ListKey::id);

    @Override
    public int compareTo(ListKey other) {
        return ORDER.compare(this, other);
    }

    public static ListKey max(ListKey a, ListKey b) {
        return a == null || (b != null && b.compareTo(a) > 0) ? b : a;
    }
}
