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

    /**
     * The key of an order whose own value cannot be read, listed right after {@code previous} (the row before it, or
     * where the query starts): the store sorted it there by its true value, so this key sits between its neighbours.
     * Its own id at the same instant when that is after {@code previous}; otherwise its true value is later than
     * {@code previous}'s, and one nanosecond later still sorts before every later row (Cart.com has milliseconds).
     */
    public static ListKey standIn(ListKey previous, long id) {
        ListKey same = new ListKey(previous.at(), id);
        return same.compareTo(previous) > 0 ? same : new ListKey(previous.at().plusNanos(1), id);
    }

    public static ListKey max(ListKey a, ListKey b) {
        return a == null || (b != null && b.compareTo(a) > 0) ? b : a;
    }
}
