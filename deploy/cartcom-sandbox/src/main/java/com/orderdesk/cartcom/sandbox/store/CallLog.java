package com.orderdesk.cartcom.sandbox.store;

/** Bounded, thread-safe log of a store's Cart.com calls, oldest first; tests count calls with it. */
public final class CallLog extends BoundedLog<CallRecord> {

    public CallLog(int limit) {
        super(limit);
    }
}
