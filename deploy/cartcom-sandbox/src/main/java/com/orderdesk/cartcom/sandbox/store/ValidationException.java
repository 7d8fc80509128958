package com.orderdesk.cartcom.sandbox.store;

/** The request's data cannot be applied; Cart.com answers 409 "usually due to a validation issue". */
public class ValidationException extends RuntimeException {
    public ValidationException(String message) {
        super(message);
    }
}
