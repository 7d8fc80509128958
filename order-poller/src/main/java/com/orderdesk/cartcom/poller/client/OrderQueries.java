package com.orderdesk.cartcom.poller.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The order list filters, in Cart.com's query syntax (see reference/cartcom-api/query_syntax.md). */
public final class OrderQueries {
    public static final String EXPAND = "items,payments,shipments,custom_fields";
    /** A regular poll walks by last change. */
    public static final String UPDATED_AT = "updated_at";
    /** A manual import walks by order date. */
    public static final String ORDERED_AT = "ordered_at";

    /** Orders in the merchant's "Download These Orders" statuses. */
    public static Map<String, String> inStatuses(List<Long> statusIds) {
        if (statusIds.isEmpty()) {
            throw new IllegalArgumentException("no download statuses");
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("order_status_id", anyOf(statusIds));
        return query;
    }

    /** Several conditions on one field are joined by " OR " ({@code eq:1 OR eq:2}). */
    static String anyOf(List<Long> ids) {
        return ids.stream().map(id -> "eq:" + id).collect(Collectors.joining(" OR "));
    }

    private OrderQueries() {
    }
}
