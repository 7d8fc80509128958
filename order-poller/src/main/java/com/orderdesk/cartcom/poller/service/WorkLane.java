package com.orderdesk.cartcom.poller.service;

import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A kind of work with its own number of slots and its own claim (polls of healthy stores, retries of failing stores,
 * manual imports), so one kind can never take the slots of another. Slot counts are guarded by the scheduler's lock.
 */
final class WorkLane {
    /** One claimed unit of work; dueAt (when it was due) is null when lateness is not measured. */
    record Work(String what, Runnable body, Instant dueAt) {
    }

    final String name;
    final int slots;
    /** Whether work running past slow-poll-after moves out of the lane onto the shared slow-poll threads. */
    final boolean slowWorkMovesOut;
    private final IntFunction<List<Work>> claim;

    /** Running work that still takes a slot. */
    int taken;
    /** The last claim returned as many as asked: more may be due, claim again as soon as a slot frees. */
    boolean moreDue = true;
    /** When the last claim that came back short ran (System.nanoTime); the lane looks again a tick later. */
    long lastShortClaim;

    WorkLane(String name, int slots, boolean slowWorkMovesOut, IntFunction<List<Work>> claim) {
        this.name = name;
        this.slots = slots;
        this.slowWorkMovesOut = slowWorkMovesOut;
        this.claim = claim;
    }

    int free() {
        return slots - taken;
    }

    /** Whether to claim now: a slot is free, and either more was due last time or a tick has passed since. */
    boolean shouldClaim(long now, long tickNanos) {
        return free() > 0 && (moreDue || now - lastShortClaim >= tickNanos);
    }

    /** Nanos until this lane looks for due work again by itself (0: at once, when a slot frees). */
    long nanosUntilNextLook(long now, long tickNanos) {
        return moreDue ? tickNanos : Math.max(0, lastShortClaim + tickNanos - now);
    }

    /** Claims up to {@code count} due units (a database round trip: called without the scheduler's lock). */
    List<Work> claim(int count) {
        return claim.apply(count);
    }

    void claimed(int asked, int got, long now) {
        moreDue = got >= asked;
        if (!moreDue) {
            lastShortClaim = now;
        }
    }
}
