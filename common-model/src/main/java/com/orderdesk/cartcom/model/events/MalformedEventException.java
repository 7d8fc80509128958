package com.orderdesk.cartcom.model.events;

/** A record that can never be processed: it goes to the dead-letter topic with {@link #getMessage()} as reason. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String reason) {
        super(reason);
    }

    public MalformedEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
