package com.orderdesk.cartcom.sandbox.api;

import java.util.ArrayList;
import java.util.List;

/** next_page / previous_page: the request's own absolute URL and query, with only page changed. */
public final class PageLinks {

    private PageLinks() {
    }

    public static String withPage(String absoluteUrl, int page) {
        int q = absoluteUrl.indexOf('?');
        String base = q < 0 ? absoluteUrl : absoluteUrl.substring(0, q);
        List<String> params = new ArrayList<>();
        if (q >= 0) {
            for (String pair : absoluteUrl.substring(q + 1).split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!pair.isEmpty() && !name.equalsIgnoreCase("page")) {
                    params.add(pair);
                }
            }
        }
        params.add("page=" + page);
        return base + "?" + String.join("&", params);
    }
}
