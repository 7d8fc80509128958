package com.orderdesk.cartcom.sandbox.api;

/** An answer in Cart.com's error format; thrown anywhere below a route, rendered by the call pipeline. */
public class CartcomException extends RuntimeException {

    private final int status;

    public CartcomException(int status, String details) {
        super(details);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static CartcomException badRequest(String details) {
        return new CartcomException(400, details);
    }

    public static CartcomException notFound(String details) {
        return new CartcomException(404, details);
    }

    public static CartcomException conflict(String details) {
        return new CartcomException(409, details);
    }
}
