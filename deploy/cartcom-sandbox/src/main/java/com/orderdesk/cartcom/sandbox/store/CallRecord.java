package com.orderdesk.cartcom.sandbox.store;

import java.time.Instant;

/**
 * One Cart.com API call as the store saw it; fault names the injected misbehaviour, if any; cacheControl is the
 * request's Cache-Control header (null when absent), so clients can be checked for asking fresh data; body is what a
 * write (PUT, POST) sent, cut at {@link #BODY_LIMIT} characters, null for reads: a write made twice shows in the log
 * even where the store merges it (shipments by name).
 */
public record CallRecord(Instant at, String method, String path, String query, int status, String fault, String cacheControl,
                         String body) {
    public static final int BODY_LIMIT = 4096;

    /** The part of a request body the log keeps: a write's, at most {@link #BODY_LIMIT} characters. */
    public static String loggedBody(String method, String body) {
        if (body == null || method.equals("GET") || method.equals("DELETE")) {
            return null;
        }
        return body.length() <= BODY_LIMIT ? body : body.substring(0, BODY_LIMIT);
    }
}
