package com.orderdesk.cartcom.sandbox.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** One clock for the whole sandbox, so timestamps, windows and logs agree. */
@ApplicationScoped
public class ClockProducer {

    // @Singleton, not @ApplicationScoped: java.time.Clock cannot be proxied.
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
