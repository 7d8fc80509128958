package com.orderdesk.cartcom.sandbox.api;

import com.orderdesk.cartcom.sandbox.api.query.ListRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Cuts a page and wraps it in the list envelope {total_count, next_page?, previous_page?, key: [...]}.
 * A page past the end is a 404 (field notes), except page 1 of an empty result, which is 200 and empty.
 */
public final class ListPager {

    private ListPager() {
    }

    public static Map<String, Object> page(List<Map<String, Object>> matched, ListRequest request, String listKey,
                                           String absoluteRequestUrl, Function<Map<String, Object>, Map<String, Object>> render) {
        return page(matched, request, listKey, absoluteRequestUrl, render, false);
    }

    /**
     * endless (a hostile store): every page names page + 1 as next_page, and pages past the end are 200 and empty
     * instead of 404.
     */
    public static Map<String, Object> page(List<Map<String, Object>> matched, ListRequest request, String listKey,
                                           String absoluteRequestUrl, Function<Map<String, Object>, Map<String, Object>> render,
                                           boolean endless) {
        int total = matched.size();
        int count = request.count();
        int pages = (total + count - 1) / count;
        int page = request.page();
        if (page < 1 || (page > pages && !(page == 1 && total == 0) && !endless)) {
            throw CartcomException.notFound("Page " + page + " is out of bounds (" + pages + " pages)");
        }
        int from = (page - 1) * count;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : matched.subList(Math.min(total, from), Math.min(total, from + count))) {
            rows.add(render.apply(row));
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("total_count", total);
        if (page < pages || endless) {
            envelope.put("next_page", PageLinks.withPage(absoluteRequestUrl, page + 1));
        }
        if (page > 1) {
            envelope.put("previous_page", PageLinks.withPage(absoluteRequestUrl, page - 1));
        }
        envelope.put(listKey, rows);
        return envelope;
    }

    /** The envelope of select_many and nested lists: everything on one page. */
    public static Map<String, Object> whole(List<Map<String, Object>> rows, String listKey) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("total_count", rows.size());
        envelope.put(listKey, rows);
        return envelope;
    }
}
