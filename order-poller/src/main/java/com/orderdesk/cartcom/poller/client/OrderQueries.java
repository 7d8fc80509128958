package com.orderdesk.cartcom.poller.client;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The order list queries, in Cart.com's query syntax (see reference/cartcom-api/query_syntax.md). */
public final class OrderQueries {
    public static final String EXPAND = "items,payments,shipments,custom_fields";

    /** Orders in the download statuses changed at or after {@code from} (a regular poll). */
    public static Map<String, String> updatedSince(List<Long> statusIds, Instant from, int pageSize) {
        Map<String, String> query = base(statusIds);
        query.put("updated_at", "gte:" + CartcomDates.forQuery(from));
        query.put("sort", "updated_at");
        return page(query, pageSize);
    }

    /** Orders in the download statuses placed at or after {@code since} (a manual import). */
    public static Map<String, String> orderedSince(List<Long> statusIds, Instant since, int pageSize) {
        Map<String, String> query = base(statusIds);
        query.put("ordered_at", "gte:" + CartcomDates.forQuery(since));
        query.put("sort", "ordered_at");
        return page(query, pageSize);
    }

    /** Several conditions on one field are joined by " OR " ({@code eq:1 OR eq:2}). */
    static String anyOf(List<Long> ids) {
        return ids.stream().map(id -> "eq:" + id).collect(Collectors.joining(" OR "));
    }

    private static Map<String, String> base(List<Long> statusIds) {
        if (statusIds.isEmpty()) {
            throw new IllegalArgumentException("no download statuses");
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("order_status_id", anyOf(statusIds));
        return query;
    }

    private static Map<String, String> page(Map<String, String> query, int pageSize) {
        query.put("count", Integer.toString(pageSize));
        query.put("expand", EXPAND);
        return query;
    }

    private OrderQueries() {
    }
}
