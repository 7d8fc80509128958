package com.orderdesk.cartcom.sandbox.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/** A bounded, thread-safe log, oldest first; past its limit the oldest entries are dropped. */
public class BoundedLog<T> {

    private final ConcurrentLinkedDeque<T> records = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int limit;

    public BoundedLog(int limit) {
        this.limit = limit;
    }

    public void record(T record) {
        records.addLast(record);
        if (size.incrementAndGet() > limit && records.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    public List<T> snapshot() {
        return new ArrayList<>(records);
    }

    public void clear() {
        records.clear();
        size.set(0);
    }
}
