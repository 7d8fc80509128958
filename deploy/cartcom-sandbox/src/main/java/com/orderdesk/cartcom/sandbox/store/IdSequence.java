package com.orderdesk.cartcom.sandbox.store;

/** The ids one kind of record gets in a store: counting up from a first id. Callers hold the write lock. */
public final class IdSequence {

    private long next;

    IdSequence(long first) {
        this.next = first;
    }

    public long next() {
        return next++;
    }

    /** For ids a merchant may also choose: the next id above both the counter and the highest taken. */
    long nextAbove(long highestTaken) {
        next = Math.max(next, highestTaken + 1);
        return next++;
    }
}
