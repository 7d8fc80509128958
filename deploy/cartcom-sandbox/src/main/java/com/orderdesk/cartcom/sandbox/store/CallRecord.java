package com.orderdesk.cartcom.sandbox.store;

import java.time.Instant;

/**
 * One Cart.com API call as the store saw it; fault names the injected misbehaviour, if any; cacheControl is the
 * request's Cache-Control header (null when absent), so clients can be checked for asking fresh data; body is what a
 * write (PUT, POST) sent, cut at {@link #BODY_LIMIT} characters, null for reads: a write made twice shows in the log
 * even where the store merges it (shipments by name); caller is the request's User-Agent, cut at
 * {@link #CALLER_LIMIT} characters, null when absent: which service spent the store's calls.
 */
public record CallRecord(Instant at, String method, String path, String query, int status, String fault, String cacheControl,
                         String body, String caller) {
    public static final int BODY_LIMIT = 4096;
    public static final int CALLER_LIMIT = 100;

    /** The caller the log keeps: the User-Agent, at most {@link #CALLER_LIMIT} characters, null when absent. */
    public static String loggedCaller(String userAgent) {
        return userAgent == null || userAgent.length() <= CALLER_LIMIT ? userAgent : userAgent.substring(0, CALLER_LIMIT);
    }

    /** The part of a request body the log keeps: a write's, at most {@link #BODY_LIMIT} characters. */
    public static String loggedBody(String method, String body) {
        if (body == null || method.equals("GET") || method.equals("DELETE")) {
            return null;
        }
        return body.length() <= BODY_LIMIT ? body : body.substring(0, BODY_LIMIT);
    }
}
