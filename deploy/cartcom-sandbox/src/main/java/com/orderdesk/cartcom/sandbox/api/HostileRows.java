package com.orderdesk.cartcom.sandbox.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** rows_per_page of a hostile store: far more rows than asked, the real ones over and over with made-up ids. */
final class HostileRows {

    /** Ids of made-up rows start here, far above any seeded id. */
    static final long FIRST_MADE_UP_ID = 900_000_000L;

    private HostileRows() {
    }

    static List<Map<String, Object>> rows(List<Map<String, Object>> source, int wanted,
                                          Function<Map<String, Object>, Map<String, Object>> render) {
        List<Map<String, Object>> rows = new ArrayList<>(wanted);
        List<Map<String, Object>> rendered = new ArrayList<>();
        for (int i = 0; i < Math.min(source.size(), wanted); i++) {
            rendered.add(render.apply(source.get(i)));
        }
        for (int i = 0; i < wanted; i++) {
            Map<String, Object> row;
            if (rendered.isEmpty()) {
                row = new LinkedHashMap<>();
            } else if (i < rendered.size()) {
                rows.add(rendered.get(i));
                continue;
            } else {
                row = new LinkedHashMap<>(rendered.get(i % rendered.size()));
            }
            row.put("id", FIRST_MADE_UP_ID + i);
            rows.add(row);
        }
        return rows;
    }
}
