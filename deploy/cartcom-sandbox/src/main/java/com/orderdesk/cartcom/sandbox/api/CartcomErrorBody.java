package com.orderdesk.cartcom.sandbox.api;

import jakarta.ws.rs.core.Response;

/** Cart.com's error body: {"status_code": 401, "message": "Unauthorized", "details": "..."}. */
public record CartcomErrorBody(int statusCode, String message, String details) {

    public static CartcomErrorBody of(int status, String details) {
        return new CartcomErrorBody(status, reason(status), details);
    }

    private static String reason(int status) {
        if (status == 429) {
            return "Too Many Requests";
        }
        if (status == 500) {
            return "Internal Server Error";
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
