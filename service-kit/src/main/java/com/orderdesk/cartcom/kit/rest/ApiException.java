package com.orderdesk.cartcom.kit.rest;

import java.util.Map;

/**
 * An answer the API gives on purpose, rendered as {@code {error: {code, message, fields?}}} with its HTTP status by
 * {@link ErrorMappers}. Messages are for merchants and never contain an access token.
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
        this.fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "invalid_request", message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " not found");
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }

    public static ApiException notConnected() {
        return new ApiException(409, "not_connected", "The store is not connected to Cart.com; connect it first");
    }

    /** Input that breaks a rule, with the message of each field that does. */
    public static ApiException invalid(String code, Map<String, String> fields) {
        return new ApiException(422, code, "invalid input", fields);
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
