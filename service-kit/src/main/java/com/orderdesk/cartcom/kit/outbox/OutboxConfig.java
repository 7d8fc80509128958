package com.orderdesk.cartcom.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox relay of a service ({@code outbox.*}); the same keys and defaults in every service. */
@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** Rows claimed and sent per batch. */
    @WithDefault("100")
    int batchSize();

    /** How long one batch may wait for the broker's acknowledgements before it is retried. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** How often the relay looks for unsent rows. */
    @WithDefault("1s")
    String relayEvery();
}
