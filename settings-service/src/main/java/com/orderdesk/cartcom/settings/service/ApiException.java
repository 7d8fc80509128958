package com.orderdesk.cartcom.settings.service;

import java.util.Map;

/**
 * An answer the API gives on purpose, rendered as {@code {error: {code, message, fields?}}} with its HTTP status.
 * Messages are for merchants and never contain an access token.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, String> fields;

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public ApiException(int status, String code, String message, Map<String, String> fields) {
        super(message);
        this.status = status;
        this.code = code;
        this.fields = Map.copyOf(fields);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " not found");
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "invalid_request", message);
    }

    public static ApiException notConnected() {
        return new ApiException(409, "not_connected", "The store is not connected to Cart.com; connect it first");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> fields() {
        return fields;
    }
}
