package com.orderdesk.cartcom.importer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** The importer's own tuning; the schedules' intervals are read by {@code @Scheduled} from the same keys. */
@ConfigMapping(prefix = "importer")
public interface ImporterConfig {
    StatusUpdates statusUpdates();

    @WithName("import")
    Import importing();

    interface StatusUpdates {
        @WithDefault("2s")
        String interval();

        @WithDefault("20")
        int batchSize();

        /**
         * Stores worked on at once by this instance (one thread each; a store's updates go one after another, so a
         * store hanging until the request timeout holds one of these and no other store waits behind it).
         */
        @WithDefault("4")
        int concurrency();

        /** How long a store that answered 429 without a usable Retry-After is left alone (Cart.com's window). */
        @WithDefault("10s")
        Duration throttleFallback();

        /** How long a claimed update is hidden from other workers while its Cart.com call runs. */
        @WithDefault("60s")
        Duration lease();

        @WithDefault("5s")
        Duration initialBackoff();

        @WithDefault("15m")
        Duration maxBackoff();

        /** How often each store's backlog ({@code statusUpdatesPending}) is reported when it changed. */
        @WithDefault("30s")
        String gaugeInterval();

        /** Retryable failures after which an update is given up and reported. */
        @WithDefault("20")
        int maxAttempts();
    }

    interface Import {
        @WithDefault("3")
        int attempts();

        /**
         * How long a raw order fetched under newer store settings than the importer holds waits for them (they come
         * on another topic, usually within a second) before it is dead-lettered; its partition waits with it. Keep it
         * under the raw-orders channel's {@code throttled.unprocessed-record-max-age.ms} (60 s): a longer wait marks
         * the instance unhealthy, and a restart would only begin the wait again.
         */
        @WithDefault("40s")
        Duration storeSettingsWait();
    }
}
