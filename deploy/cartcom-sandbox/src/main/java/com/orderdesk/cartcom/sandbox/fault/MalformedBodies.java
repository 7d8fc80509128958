package com.orderdesk.cartcom.sandbox.fault;

/**
 * Bodies a client must survive: a JSON document cut off mid-way (a dropped connection behind a proxy)
 * or an HTML error page served with status 200 (a misbehaving CDN or load balancer).
 */
public final class MalformedBodies {

    public static final String HTML_PAGE =
            "<!DOCTYPE html><html><head><title>Service Unavailable</title></head>"
                    + "<body><h1>The store is temporarily unavailable</h1></body></html>";

    private MalformedBodies() {
    }

    public static String truncate(String json) {
        // Keep at least the opening brace so the body starts like JSON and fails only when parsed.
        int cut = Math.max(1, json.length() / 2);
        return json.substring(0, Math.min(cut, Math.max(1, json.length() - 1)));
    }
}
