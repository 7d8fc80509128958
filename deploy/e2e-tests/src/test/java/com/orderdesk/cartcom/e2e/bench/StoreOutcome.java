package com.orderdesk.cartcom.e2e.bench;

import com.orderdesk.cartcom.devstack.SandboxControl.CallerCount;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What one store of the call-budget benchmark measured: the time from connecting to the end state (or to the timeout,
 * {@code waitingFor} naming what was still missing), the Cart.com calls each caller made in that time as the sandbox
 * counted them, and what the manual import found.
 */
record StoreOutcome(String store, CallPlan plan, Duration time, boolean finished, String waitingFor,
                    List<CallerCount> callers, int orders, int shipments, long importFound, int importedWhenShipped,
                    long acknowledgedWhenShipped) {
    /** The prefix the kit's client puts before the service's name in its User-Agent. */
    private static final String CALLER_PREFIX = "orderdesk-cartcom/";

    long calls() {
        return callers.stream().mapToLong(CallerCount::calls).sum();
    }

    /** The 429s of the store's own window (the sandbox simulated none in this benchmark). */
    long rateLimited() {
        return callers.stream().mapToLong(CallerCount::rateLimited).sum();
    }

    /** The calls the work needed: every call answered, less those answered 429 (each was made again). */
    long needed() {
        return calls() - rateLimited();
    }

    Duration floor() {
        return plan.floor(needed());
    }

    /** Total time over the floor: 1.0 is as fast as the plan's limit allows. */
    double overFloor() {
        return (double) time.toMillis() / Math.max(1, floor().toMillis());
    }

    double rateLimitedShare() {
        return calls() == 0 ? 0 : (double) rateLimited() / calls();
    }

    boolean timeMet() {
        return finished && overFloor() <= 1.2;
    }

    boolean rateLimitedMet() {
        return finished && rateLimitedShare() <= 0.02;
    }

    /** "624 s, 2.42 x the floor of 258 s" or what it was still waiting for at the timeout. */
    String timeShown() {
        String figure = String.format(Locale.ROOT, "%d s, %.2f x the floor of %d s", time.toSeconds(), overFloor(),
                floor().toSeconds());
        return finished ? figure : "not finished after " + figure + "; waiting for " + waitingFor;
    }

    /** "59 of 317 calls (18.6%)". */
    String rateLimitedShown() {
        return String.format(Locale.ROOT, "%d of %d calls (%.1f%%)", rateLimited(), calls(), 100 * rateLimitedShare());
    }

    /** How the floor was reached: "258 needed calls (317 answered - 59 429s) / 10 per 10 s". */
    String floorShown() {
        return String.format(Locale.ROOT, "%d needed calls (%d answered - %d 429s) / %d per %d s", needed(), calls(),
                rateLimited(), plan.callsPerWindow(), CallPlan.WINDOW.toSeconds());
    }

    /** The service's name a caller stands for ("order-poller"), or the caller as sent. */
    static String service(String caller) {
        if (caller == null) {
            return "(no User-Agent)";
        }
        return caller.startsWith(CALLER_PREFIX) ? caller.substring(CALLER_PREFIX.length()) : caller;
    }
}
