package com.orderdesk.cartcom.kit.budget;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The budget kept in this process: exact for one instance, and what a service falls back on while the shared budget
 * cannot be reached (then Cart.com's own count, read from every answer, and its 429s keep it close).
 */
public final class LocalCallBudget implements CallBudget {
    /** Past this many stores, the ones whose window ended a while ago are forgotten (a merchant may try many domains). */
    private static final int MAX_KEPT = 20_000;

    private final Map<String, CallWindow> windows = new ConcurrentHashMap<>();
    private final BudgetTiming timing;
    private final Clock clock;

    public LocalCallBudget(BudgetTiming timing, Clock clock) {
        this.timing = timing;
        this.clock = clock;
    }

    @Override
    public Slot take(String domain, CallKind kind) {
        CallWindow window = windowOf(domain);
        synchronized (window) {
            return window.take(kind, clock.instant(), timing);
        }
    }

    @Override
    public void answered(String domain, Slot slot, Answer answer) {
        CallWindow window = windowOf(domain);
        synchronized (window) {
            window.answered(answer, clock.instant(), timing);
        }
    }

    private CallWindow windowOf(String domain) {
        if (windows.size() >= MAX_KEPT) {
            long idleBefore = clock.millis() - 2 * timing.lengthMillis();
            windows.values().removeIf(window -> {
                synchronized (window) {
                    return window.idleSince(idleBefore);
                }
            });
        }
        return windows.computeIfAbsent(domain, d -> new CallWindow(timing.assumedLimit()));
    }
}
