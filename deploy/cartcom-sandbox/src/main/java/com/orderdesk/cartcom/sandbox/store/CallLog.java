package com.orderdesk.cartcom.sandbox.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/** Bounded, thread-safe log of a store's Cart.com calls, oldest first; tests count calls with it. */
public final class CallLog {

    private final ConcurrentLinkedDeque<CallRecord> records = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int limit;

    public CallLog(int limit) {
        this.limit = limit;
    }

    public void record(CallRecord record) {
        records.addLast(record);
        if (size.incrementAndGet() > limit && records.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    public List<CallRecord> snapshot() {
        return new ArrayList<>(records);
    }

    public void clear() {
        records.clear();
        size.set(0);
    }
}
