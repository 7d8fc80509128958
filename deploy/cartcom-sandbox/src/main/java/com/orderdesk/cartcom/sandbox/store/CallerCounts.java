package com.orderdesk.cartcom.sandbox.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A store's Cart.com calls counted by caller (the {@code User-Agent}, null when absent): every service spends the same
 * store's call budget, so a test or benchmark must see who was answered 429 and why. Kept apart from the bounded call
 * log: a long run outlives the log's rows, never its counts. Thread-safe.
 */
public final class CallerCounts {

    /** Distinct callers counted by name; a flood of made-up User-Agents past this is counted under {@link #OTHERS}. */
    public static final int MAX_CALLERS = 100;
    public static final String OTHERS = "(other callers)";

    /** One caller's counts; rateLimited: 429s of the store's window; faults429: simulated ones (faults, hostile). */
    public record Count(String caller, long calls, long rateLimited, long faults429) {
    }

    private final Map<String, long[]> byCaller = new LinkedHashMap<>();
    private Instant since;

    public CallerCounts(Instant since) {
        this.since = since;
    }

    /** Counts one answered call; a 429 with no fault came from the window, one with a fault was simulated. */
    public synchronized void count(CallRecord call) {
        String caller = byCaller.containsKey(call.caller()) || byCaller.size() < MAX_CALLERS ? call.caller() : OTHERS;
        long[] counts = byCaller.computeIfAbsent(caller, c -> new long[3]);
        counts[0]++;
        if (call.status() == 429) {
            counts[call.fault() == null ? 1 : 2]++;
        }
    }

    /** Callers in the order they first called. */
    public synchronized List<Count> snapshot() {
        List<Count> counts = new ArrayList<>();
        byCaller.forEach((caller, c) -> counts.add(new Count(caller, c[0], c[1], c[2])));
        return counts;
    }

    /** When counting began: the store's creation or the last {@link #clear}. */
    public synchronized Instant since() {
        return since;
    }

    public synchronized void clear(Instant now) {
        byCaller.clear();
        since = now;
    }
}
