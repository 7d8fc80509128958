package com.orderdesk.cartcom.sandbox.store;

/** The record named in the URL does not exist (404 on both APIs). */
public class RecordNotFoundException extends RuntimeException {
    public RecordNotFoundException(String message) {
        super(message);
    }
}
