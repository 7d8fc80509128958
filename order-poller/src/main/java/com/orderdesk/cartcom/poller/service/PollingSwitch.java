package com.orderdesk.cartcom.poller.service;

import com.orderdesk.cartcom.poller.config.PollerConfig;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this instance claims work: {@code poller.enabled=false} runs an instance that only consumes
 * snapshots; {@link #hold()} stops claiming for a while (tests of the claim query use it to be the only claimant).
 */
@Singleton
public class PollingSwitch {
    private final boolean enabled;
    private final AtomicBoolean held = new AtomicBoolean();

    public PollingSwitch(PollerConfig config) {
        this.enabled = config.enabled();
    }

    /** Whether the scheduler may claim work now. */
    public boolean claiming() {
        return enabled && !held.get();
    }

    public void hold() {
        held.set(true);
    }

    public void release() {
        held.set(false);
    }
}
