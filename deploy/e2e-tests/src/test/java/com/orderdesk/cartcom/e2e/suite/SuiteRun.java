package com.orderdesk.cartcom.e2e.suite;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Drives a suite's run to its end state. */
final class SuiteRun {
    static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

    /** Ships what can be shipped until nothing waits, then until the end state holds; fails with what is off. */
    static void driveToEndState(Workload workload, Duration timeout) {
        driveToEndState(workload, timeout, () -> true);
    }

    /** As above, but the end state counts only once {@code allArrived} says no more orders will be added. */
    static void driveToEndState(Workload workload, Duration timeout, BooleanSupplier allArrived) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> problems = List.of("not checked yet");
        while (System.nanoTime() < deadline) {
            try {
                boolean complete = allArrived.getAsBoolean();
                int waiting = workload.shipAcknowledgedOrders();
                if (waiting == 0 && complete) {
                    problems = workload.discrepancies();
                    if (problems.isEmpty()) {
                        return;
                    }
                }
                System.out.printf("[suite] %d orders wait to be shipped; %d shipped%s%n", waiting,
                        workload.shippedCount(), waiting == 0 && complete
                                ? "; " + problems.size() + " not there yet, first: " + problems.get(0) : "");
            } catch (RuntimeException unavailable) {
                // Like a merchant's script: an instance being killed, PostgreSQL restarting, or a store whose
                // snapshot has not reached the importer yet answers with an error for a moment; ask again.
                // (A doubled order is an AssertionError and is not caught here.)
                problems = List.of("API not answering: " + unavailable.getMessage());
                System.out.println("[suite] " + problems.get(0));
            }
            Workload.awaitQuietly(Duration.ofSeconds(3));
        }
        throw new AssertionError("no end state within " + timeout + ": " + problems.size() + " problems, first: "
                + problems.subList(0, Math.min(20, problems.size())));
    }

    private SuiteRun() {
    }
}
