package com.orderdesk.cartcom.sandbox.api;

import com.orderdesk.cartcom.sandbox.api.query.ListRequest;
import com.orderdesk.cartcom.sandbox.api.query.RecordFilter;
import com.orderdesk.cartcom.sandbox.fault.HostileSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The three read shapes every resource shares: a queried page, select_many, and one record by id. */
public final class RecordListings {

    private RecordListings() {
    }

    public static CartcomReply list(CartcomCall call, List<Map<String, Object>> rows, String listKey,
                                    Function<Map<String, Object>, Map<String, Object>> expand) {
        ListRequest request = RealWorldAnswers.capped(call);
        listKey = RealWorldAnswers.listKey(call, listKey);
        List<Map<String, Object>> matched = RecordFilter.filterAndSort(rows, request, call.zone());
        HostileSettings hostile = call.store().hostile().settings();
        Function<Map<String, Object>, Map<String, Object>> render =
                row -> ResourceJson.render(expand.apply(row), call.zone(), request.fields());
        Map<String, Object> envelope = ListPager.page(matched, request, listKey, call.absoluteUrl(), render, hostile.endless());
        if (hostile.rowsPerPage() != null) {
            envelope.put(listKey, HostileRows.rows(matched, hostile.rowsPerPage(), render));
        }
        if (hostile.nextPageScheme() != null) {
            String next = (String) envelope.getOrDefault("next_page",
                    PageLinks.withPage(call.absoluteUrl(), request.page() + 1));
            envelope.put("next_page", hostile.nextPageScheme() + next.substring(next.indexOf(':')));
        }
        if (hostile.nextPageUrl() != null) {
            envelope.put("next_page", hostile.nextPageUrl().replace("{page}", Integer.toString(request.page() + 1)));
        }
        return CartcomReply.ok(envelope);
    }

    public static CartcomReply list(CartcomCall call, List<Map<String, Object>> rows, String listKey) {
        return list(call, rows, listKey, Function.identity());
    }

    /** GET /{resource}/select_many?ids=1,2,3: unknown ids are left out; no ids is a 400 (common_usage.md). */
    public static CartcomReply selectMany(CartcomCall call, Map<Long, Map<String, Object>> table, String listKey) {
        ListRequest request = call.list();
        if (request.ids() == null || request.ids().isEmpty()) {
            throw CartcomException.badRequest("This method requires one or more resource IDs to be specified");
        }
        List<Map<String, Object>> found = new ArrayList<>();
        for (long id : RealWorldAnswers.answeredIds(call, request.ids().stream().distinct().toList(), listKey)) {
            Map<String, Object> record = table.get(id);
            if (record != null) {
                found.add(record);
            }
        }
        RealWorldAnswers.requireSome(call, found, listKey);
        listKey = RealWorldAnswers.listKey(call, listKey);
        List<Map<String, Object>> sorted = RecordFilter.filterAndSort(found, request, call.zone());
        List<Map<String, Object>> rendered = new ArrayList<>();
        Function<Map<String, Object>, Map<String, Object>> render = row -> ResourceJson.render(row, call.zone(), request.fields());
        Integer rowsPerPage = call.store().hostile().settings().rowsPerPage();
        if (rowsPerPage != null) {
            rendered.addAll(HostileRows.rows(sorted.isEmpty() ? new ArrayList<>(table.values()) : sorted, rowsPerPage, render));
        } else {
            sorted.forEach(row -> rendered.add(render.apply(row)));
        }
        return CartcomReply.ok(ListPager.whole(rendered, listKey));
    }

    public static <T> T byId(Map<Long, T> table, String idText, String what) {
        T record = null;
        try {
            record = table.get(Long.parseLong(idText));
        } catch (NumberFormatException e) {
            // not a number: no such record
        }
        if (record == null) {
            throw CartcomException.notFound(what + " " + idText + " was not found");
        }
        return record;
    }

    public static CartcomReply one(CartcomCall call, Map<String, Object> raw) {
        return CartcomReply.ok(ResourceJson.render(raw, call.zone(), call.list().fields()));
    }
}
