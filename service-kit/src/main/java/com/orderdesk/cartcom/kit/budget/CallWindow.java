package com.orderdesk.cartcom.kit.budget;

import com.orderdesk.cartcom.kit.cartcom.CallLimit;
import java.time.Instant;
import java.util.Arrays;

/**
 * One store's budget: the window the slots are counted in, as Cart.com counts (a fixed window opened by the first
 * call after the last one ended), the store's limit as its answers state it, and which kinds have work. Plain state
 * and rules; whoever keeps it (a lock in memory, a row lock in the poller's database) makes each change atomic.
 *
 * <p>Granting: nothing while a 429's Retry-After runs, nothing past the limit; a kind under its share always gets a
 * slot; above it, only while the slots still held for the other kinds with work leave room. A kind has work from its
 * last ask until a quarter window into the next window: long enough to come back, short enough not to hold slots for
 * work that is done.
 */
public final class CallWindow {
    private static final int MAX_LIMIT = 10_000;
    private static final int KINDS = CallKind.values().length;

    long startMillis;
    int limit;
    final int[] used = new int[KINDS];
    /** Calls Cart.com counted in this window that no slot was granted for: another app, a slot lost in a crash. */
    int outside;
    final long[] workUntilMillis = new long[KINDS];
    long blockedUntilMillis;

    public CallWindow(int assumedLimit) {
        this.limit = assumedLimit;
    }

    public Slot take(CallKind kind, Instant at, BudgetTiming timing) {
        long now = at.toEpochMilli();
        if (now < blockedUntilMillis) {
            return refuse(blockedUntilMillis, kind, timing);
        }
        long length = timing.lengthMillis();
        if (startMillis == 0 || now >= startMillis + length) {
            startMillis = now;
            Arrays.fill(used, 0);
            outside = 0;
        }
        long end = startMillis + length;
        workUntilMillis[kind.ordinal()] = Math.max(workUntilMillis[kind.ordinal()], end + length / 4);
        int total = total();
        if (total < limit && (used[kind.ordinal()] < kind.share(limit) || total + heldForOthers(kind, now) < limit)) {
            used[kind.ordinal()]++;
            return Slot.granted(total + 1, limit);
        }
        return refuse(end, kind, timing);
    }

    /**
     * Learns from an answer: the limit it states, calls counted beyond the granted ones, when Cart.com's window opened
     * (an answer counted first in it), a 429's wait.
     */
    public void answered(Answer answer, Instant at, BudgetTiming timing) {
        long now = at.toEpochMilli();
        // A limit of nothing is not believed; a huge one is held to what a window could ever need.
        answer.callLimit().map(CallLimit::max).filter(max -> max >= 1).ifPresent(max -> limit = Math.min(max, MAX_LIMIT));
        boolean inWindow = startMillis != 0 && now < startMillis + timing.lengthMillis();
        if (inWindow && answer.callLimit().isPresent()) {
            int counted = answer.callLimit().get().used();
            if (counted > total()) {
                outside += counted - total();
            }
            if (counted == 1 && !answer.rateLimited()) {
                // This call opened Cart.com's window, which therefore ends a window after this answer at the latest:
                // the budget's may end then too, instead of a margin after the slot (usually most of the margin
                // sooner; never later than the margin allowed).
                startMillis = Math.min(startMillis, now - timing.margin().toMillis());
            }
        }
        if (answer.rateLimited()) {
            long wait = answer.retryAfter().map(d -> d.toMillis()).orElse(timing.window().toMillis());
            blockedUntilMillis = Math.max(blockedUntilMillis, now + wait);
            if (answer.retryAfter().isPresent()) {
                // Cart.com's window resets when its Retry-After ends: the budget's next one opens then (and the
                // margin), not a whole window after the budget's own opened.
                startMillis = blockedUntilMillis + timing.margin().toMillis() - timing.lengthMillis();
            }
        }
    }

    public int limit() {
        return limit;
    }

    /** Whether nothing happened since {@code millis}: the window opened before it and no 429 wait runs past it. */
    public boolean idleSince(long millis) {
        return startMillis < millis && blockedUntilMillis < millis;
    }

    /** The state as one line of numbers, for a database row. */
    public String toText() {
        StringBuilder text = new StringBuilder().append(startMillis).append(' ').append(limit).append(' ')
                .append(outside).append(' ').append(blockedUntilMillis);
        for (int i = 0; i < KINDS; i++) {
            text.append(' ').append(used[i]).append(' ').append(workUntilMillis[i]);
        }
        return text.toString();
    }

    /** The state {@link #toText()} wrote; anything unreadable (a row from another version) starts afresh. */
    public static CallWindow fromText(String text, int assumedLimit) {
        CallWindow window = new CallWindow(assumedLimit);
        String[] numbers = text == null ? new String[0] : text.trim().split(" ");
        if (numbers.length != 4 + 2 * KINDS) {
            return window;
        }
        try {
            window.startMillis = Long.parseLong(numbers[0]);
            window.limit = Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(numbers[1])));
            window.outside = Integer.parseInt(numbers[2]);
            window.blockedUntilMillis = Long.parseLong(numbers[3]);
            for (int i = 0; i < KINDS; i++) {
                window.used[i] = Integer.parseInt(numbers[4 + 2 * i]);
                window.workUntilMillis[i] = Long.parseLong(numbers[5 + 2 * i]);
            }
            return window;
        } catch (NumberFormatException e) {
            return new CallWindow(assumedLimit);
        }
    }

    private int total() {
        int total = outside;
        for (int count : used) {
            total += count;
        }
        return total;
    }

    private int heldForOthers(CallKind asking, long now) {
        int held = 0;
        for (CallKind other : CallKind.values()) {
            if (other != asking && workUntilMillis[other.ordinal()] > now) {
                held += Math.max(0, other.share(limit) - used[other.ordinal()]);
            }
        }
        return held;
    }

    private Slot refuse(long untilMillis, CallKind kind, BudgetTiming timing) {
        return Slot.notBefore(Instant.ofEpochMilli(untilMillis + kind.ordinal() * timing.stagger().toMillis()),
                total(), limit);
    }
}
