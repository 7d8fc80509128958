package com.orderdesk.cartcom.settings.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox relay of this service (the schedule itself is {@code settings.outbox.relay-every}). */
@ConfigMapping(prefix = "settings.outbox")
public interface OutboxConfig {

    @WithDefault("100")
    int batchSize();

    /** How long one batch may wait for the broker's acknowledgements before it is retried. */
    @WithDefault("15s")
    Duration sendTimeout();

    @WithDefault("1s")
    String relayEvery();
}
