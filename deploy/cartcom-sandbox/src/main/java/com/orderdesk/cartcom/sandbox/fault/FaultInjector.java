package com.orderdesk.cartcom.sandbox.fault;

/** Per-store fault draw; with a seed the sequence of faults repeats exactly, so tests can rely on it. */
public final class FaultInjector extends SeededMisbehaviour<FaultSettings> {

    public FaultInjector(long defaultTimeoutMs) {
        super(FaultSettings.none(defaultTimeoutMs), FaultSettings::seed);
    }

    public synchronized FaultKind draw() {
        FaultSettings settings = settings();
        double total = settings.errorRate() + settings.rateLimitedRate() + settings.timeoutRate() + settings.malformedRate();
        if (total == 0) {
            return FaultKind.NONE;
        }
        double r = random().nextDouble();
        if ((r -= settings.errorRate()) < 0) {
            return FaultKind.SERVER_ERROR;
        }
        if ((r -= settings.rateLimitedRate()) < 0) {
            return FaultKind.RATE_LIMITED;
        }
        if ((r -= settings.timeoutRate()) < 0) {
            return FaultKind.TIMEOUT;
        }
        if ((r -= settings.malformedRate()) < 0) {
            return FaultKind.MALFORMED;
        }
        return FaultKind.NONE;
    }

    /** Chooses between the two ways a body goes bad, from the same seeded sequence. */
    public synchronized boolean nextBoolean() {
        return random().nextBoolean();
    }
}
