package com.orderdesk.cartcom.e2e.bench;

import java.time.Duration;

/** A Cart.com plan the call-budget benchmark runs a store on: its name at the sandbox and its limit (sandbox README). */
enum CallPlan {
    BRONZE("Bronze", "bronze", 10),
    SILVER("Silver", "silver", 20);

    /** Cart.com counts a store's calls in windows of 10 seconds. */
    static final Duration WINDOW = Duration.ofSeconds(10);

    private final String title;
    private final String sandboxName;
    private final int callsPerWindow;

    CallPlan(String title, String sandboxName, int callsPerWindow) {
        this.title = title;
        this.sandboxName = sandboxName;
        this.callsPerWindow = callsPerWindow;
    }

    String title() {
        return title;
    }

    String sandboxName() {
        return sandboxName;
    }

    int callsPerWindow() {
        return callsPerWindow;
    }

    /** The shortest time the plan's limit allows for {@code calls} calls: one window per limit's worth. */
    Duration floor(long calls) {
        return Duration.ofMillis(calls * WINDOW.toMillis() / callsPerWindow);
    }

    /** "Bronze (10 calls / 10 s)". */
    String describe() {
        return title + " (" + callsPerWindow + " calls / " + WINDOW.toSeconds() + " s)";
    }
}
