package com.orderdesk.cartcom.poller.client;

import com.orderdesk.cartcom.kit.cartcom.CartcomDates;
import com.orderdesk.cartcom.kit.cartcom.CartcomStoreApi;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the orders that match a filter in (field, id) order by keyset paging: each page is a fresh query that
 * starts at the last order handed out ({@code field=gte:<its value>}, dropping what was handed out already),
 * never at an offset or a {@code next_page} link. So an order leaving the filter between two calls (the importer
 * setting the "after import" status) cannot shift unseen orders onto a page already read, and an order that
 * changes during the walk gets a newer updated_at and comes later in this walk or in the next poll.
 *
 * <p>Ties: a full page with nothing new means more orders share one value than fit a page; those are read by id
 * ({@code field=eq:<value>&id=gt:<last id>}) before the walk goes on strictly after the value ({@code gt}).
 * Pages after the first ask for one order more than the page size, as the first one returned is usually the
 * last one handed out, so every list call can bring a full page of new orders.
 *
 * <p>Unreadable values: an order whose field is empty, null or not a date (live stores send such) is keyed where
 * the store listed it ({@link ListKey#standIn}) and handed out the first time this walk meets it, whatever its
 * stand-in key says (later polls' dedupe by published version keeps it from being published twice). As such an
 * order has no value to query after, a page after the last value that brings nothing new (all of it such orders,
 * met before) is followed by its page number instead, so a run of them longer than a page never loops.
 */
public final class OrderWalk {
    private enum Mode { FROM_LAST, TIES, AFTER_LAST }

    private final CartcomOrderSource source;
    private final CartcomStoreApi api;
    private final Map<String, String> filter;
    private final String field;
    private final Instant from;
    private final int pageSize;
    private final ZoneId zone;
    private ListKey last;
    private Mode mode = Mode.FROM_LAST;
    private boolean done;
    /** The page of an AFTER_LAST query to ask next: past 1 only while stepping over orders without a readable key. */
    private int afterLastPage = 1;
    private final Set<Long> unreadableHandedOut = new HashSet<>();

    /** Starts at {@code from} (inclusive), or right after {@code resumeAfter} when a walk is resumed. */
    OrderWalk(CartcomOrderSource source, CartcomStoreApi api, Map<String, String> filter, String field, Instant from,
              ListKey resumeAfter, int pageSize, ZoneId zone) {
        this.source = source;
        this.api = api;
        this.filter = filter;
        this.field = field;
        this.from = from;
        this.last = resumeAfter;
        this.pageSize = pageSize;
        this.zone = zone;
    }

    /** The orders of the next page not handed out before (maybe none, also when not done: ties, re-reads). */
    public List<ListedOrder> nextPage() {
        if (done) {
            return List.of();
        }
        Map<String, String> query = new LinkedHashMap<>(filter);
        int count = pageSize;
        if (last == null) {
            query.put(field, "gte:" + CartcomDates.forQuery(from));
            query.put("sort", field + ",id");
        } else if (mode == Mode.TIES) {
            query.put(field, "eq:" + CartcomDates.forQuery(last.at()));
            query.put("id", "gt:" + last.id());
            query.put("sort", "id");
        } else {
            query.put(field, (mode == Mode.AFTER_LAST ? "gt:" : "gte:") + CartcomDates.forQuery(last.at()));
            query.put("sort", field + ",id");
            count = mode == Mode.FROM_LAST ? pageSize + 1 : pageSize;
            if (mode == Mode.AFTER_LAST && afterLastPage > 1) {
                query.put("page", Integer.toString(afterLastPage));
            }
        }
        query.put("count", Integer.toString(count));
        query.put("expand", OrderQueries.EXPAND);

        CartcomOrderSource.Listed listed = source.list(api, query, field, zone,
                last != null ? last : new ListKey(from, 0));
        List<ListedOrder> rows = listed.orders();
        ListKey before = last;
        List<ListedOrder> fresh = new ArrayList<>();
        for (ListedOrder row : rows) {
            if (row.keyUnreadable() ? unreadableHandedOut.add(row.id()) : before == null || row.key().compareTo(before) > 0) {
                fresh.add(row);
            }
        }
        fresh.forEach(o -> last = ListKey.max(last, o.key()));
        // A short page ends the query unless the store says more follow: a store that caps count below what was
        // asked answers short pages all the way, and the walk must not take the first for the last.
        if (rows.isEmpty() || (rows.size() < count && !listed.more())) {
            // The end of this query: after the ties of one value, go on after it; otherwise the walk is over.
            if (mode == Mode.TIES) {
                mode = Mode.AFTER_LAST;
                afterLastPage = 1;
            } else {
                done = true;
            }
        } else if (fresh.isEmpty() && mode == Mode.AFTER_LAST) {
            // Everything after the last value was handed out already yet keeps coming: orders without a readable
            // value, which no keyset query can step past. Take the next page of the same query.
            afterLastPage++;
        } else if (fresh.isEmpty() && mode != Mode.TIES) {
            mode = Mode.TIES;
        } else if (mode == Mode.AFTER_LAST) {
            mode = Mode.FROM_LAST;
            afterLastPage = 1;
        }
        return fresh;
    }

    public boolean done() {
        return done;
    }

    /** The last order handed out, null before any. */
    public ListKey last() {
        return last;
    }
}
