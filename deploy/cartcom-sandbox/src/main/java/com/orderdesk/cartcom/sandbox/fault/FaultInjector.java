package com.orderdesk.cartcom.sandbox.fault;

import java.util.Random;

/** Per-store fault draw; with a seed the sequence of faults repeats exactly, so tests can rely on it. */
public final class FaultInjector implements Misbehaviour<FaultSettings> {

    private final long defaultTimeoutMs;
    private FaultSettings settings;
    private Random random = new Random();

    public FaultInjector(long defaultTimeoutMs) {
        this.defaultTimeoutMs = defaultTimeoutMs;
        this.settings = FaultSettings.none(defaultTimeoutMs);
    }

    @Override
    public synchronized void configure(FaultSettings newSettings) {
        settings = newSettings;
        random = newSettings.seed() == null ? new Random() : new Random(newSettings.seed());
    }

    @Override
    public synchronized void clear() {
        configure(FaultSettings.none(defaultTimeoutMs));
    }

    @Override
    public synchronized FaultSettings settings() {
        return settings;
    }

    public synchronized FaultKind draw() {
        double total = settings.errorRate() + settings.rateLimitedRate() + settings.timeoutRate() + settings.malformedRate();
        if (total == 0) {
            return FaultKind.NONE;
        }
        double r = random.nextDouble();
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
        return random.nextBoolean();
    }
}
