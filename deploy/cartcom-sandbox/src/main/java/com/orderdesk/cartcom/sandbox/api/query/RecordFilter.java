package com.orderdesk.cartcom.sandbox.api.query;

import com.orderdesk.cartcom.sandbox.api.CartcomException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Applies a list call's field filters and sort to raw records. */
public final class RecordFilter {

    private RecordFilter() {
    }

    public static List<Map<String, Object>> filterAndSort(List<Map<String, Object>> rows, ListRequest request,
                                                          ZoneId zone) {
        Set<String> known = new HashSet<>();
        rows.forEach(r -> known.addAll(r.keySet()));
        // An unknown field is a client bug worth surfacing; with no rows there is nothing to check against.
        if (!rows.isEmpty()) {
            for (FieldFilter f : request.filters()) {
                requireKnown(known, f.field());
            }
            for (ListRequest.SortKey key : request.sort()) {
                requireKnown(known, key.field());
            }
        }
        List<Map<String, Object>> matched = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (matches(row, request.filters(), zone)) {
                matched.add(row);
            }
        }
        matched.sort(comparator(request.sort()));
        return matched;
    }

    /** Fields joined by AND must all hold; a field prefixed with "OR " is an alternative to that group. */
    static boolean matches(Map<String, Object> row, List<FieldFilter> filters, ZoneId zone) {
        boolean hasAndGroup = false;
        boolean andGroupHolds = true;
        boolean anyOrHolds = false;
        for (FieldFilter filter : filters) {
            boolean holds = fieldMatches(row.get(filter.field()), filter, zone);
            if (filter.orWithOtherFields()) {
                anyOrHolds |= holds;
            } else {
                hasAndGroup = true;
                andGroupHolds &= holds;
            }
        }
        boolean hasOr = filters.stream().anyMatch(FieldFilter::orWithOtherFields);
        if (!hasOr) {
            return andGroupHolds;
        }
        return anyOrHolds || (hasAndGroup && andGroupHolds);
    }

    private static boolean fieldMatches(Object value, FieldFilter filter, ZoneId zone) {
        for (List<Condition> group : filter.alternatives()) {
            boolean all = true;
            for (Condition c : group) {
                if (!ValueMatcher.matches(value, c, zone)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static Comparator<Map<String, Object>> comparator(List<ListRequest.SortKey> keys) {
        Comparator<Map<String, Object>> result = (a, b) -> 0;
        for (ListRequest.SortKey key : keys) {
            Comparator<Map<String, Object>> byKey = (a, b) -> ValueMatcher.compare(a.get(key.field()), b.get(key.field()));
            result = result.thenComparing(key.descending() ? byKey.reversed() : byKey);
        }
        // Ties (and no sort at all) fall back to id order so pages never overlap.
        return result.thenComparing((a, b) -> ValueMatcher.compare(a.get("id"), b.get("id")));
    }

    private static void requireKnown(Set<String> known, String field) {
        if (!known.contains(field)) {
            throw CartcomException.badRequest("'" + field + "' is not a field of this resource");
        }
    }
}
