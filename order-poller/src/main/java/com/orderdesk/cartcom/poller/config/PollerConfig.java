package com.orderdesk.cartcom.poller.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How this instance claims and polls stores ({@code poller.*}). */
@ConfigMapping(prefix = "poller")
public interface PollerConfig {

    /** Name written into leases; defaults to host name plus a random suffix, unique per process. */
    Optional<String> instanceId();

    /** Polls (and manual imports) running at once on this instance; also the most stores claimed per tick. */
    @WithDefault("8")
    int workers();

    /** How long a claim holds a store; renewed after every page, so only a dead instance lets it lapse. */
    @WithDefault("PT5M")
    Duration lease();

    /**
     * Replaces every store's check_interval_minutes. Unset in production; tests and the local demo set a few
     * seconds so orders show up without waiting minutes.
     */
    Optional<Duration> intervalOverride();

    /** Used when a snapshot carries no check_interval_minutes. */
    @WithDefault("15")
    int defaultIntervalMinutes();

    /**
     * How far before the cursor each poll queries ({@code updated_at=gte:cursor-overlap}), so an order committed
     * late with an earlier timestamp is still seen. Orders already published with the same updated_at are not
     * published again.
     */
    @WithDefault("PT1M")
    Duration overlap();

    /** Where the first poll of a store starts when it has no cursor yet; older orders come in by manual import. */
    @WithDefault("P30D")
    Duration initialLookback();

    /** Orders per Cart.com page. */
    @WithDefault("100")
    int pageSize();

    /** A poll stops after this many pages and continues at once on the next tick (keeps one store from hogging a worker). */
    @WithDefault("50")
    int maxPagesPerPoll();

    /** First delay after a failed poll; doubles with each consecutive failure up to {@link #backoffMax()}. */
    @WithDefault("PT1M")
    Duration backoffInitial();

    @WithDefault("PT1H")
    Duration backoffMax();

    /** Retries of one Cart.com call that failed in a retryable way (429, 5xx, timeout) before the poll gives up. */
    @WithDefault("2")
    int callRetries();

    /**
     * Longest wait between those retries, also when Retry-After asks for more (then the poll ends and the store is
     * rescheduled): short, as a waiting worker cannot poll other stores.
     */
    @WithDefault("PT2S")
    Duration callRetryMaxWait();

    /** Cart.com's rate-limit window (X-AC-Call-Limit counts calls in it): how long a poll pauses near the limit. */
    @WithDefault("PT10S")
    Duration callLimitWindow();

    /** Share of the store's call limit a poll leaves to the rest of the integration before it pauses. */
    @WithDefault("0.2")
    double callLimitReserveShare();

    /** How long to wait for Kafka to acknowledge a page of records. */
    @WithDefault("PT30S")
    Duration sendTimeout();

    /** How long a manual import may wait for its store's snapshot before it fails. */
    @WithDefault("PT2M")
    Duration importSnapshotWait();

    /** Attempts of a manual import that fails in a retryable way before it is reported failed. */
    @WithDefault("5")
    int importMaxAttempts();
}
