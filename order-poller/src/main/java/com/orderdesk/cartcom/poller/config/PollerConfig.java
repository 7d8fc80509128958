package com.orderdesk.cartcom.poller.config;

import com.orderdesk.cartcom.kit.retry.Backoff;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How this instance claims and polls stores ({@code poller.*}). */
@ConfigMapping(prefix = "poller")
public interface PollerConfig {

    /** false: this instance consumes snapshots and import requests but claims nothing. */
    @WithDefault("true")
    boolean enabled();

    /** Name written into leases; defaults to host name plus a random suffix, unique per process. */
    Optional<String> instanceId();

    /**
     * Polls of healthy stores running at once (the "polls" lane); a free worker claims the next due store at once.
     * Sizing by Little's law: busy workers = polls per second x poll duration. 10,000 stores every 5 minutes need
     * 33.3 polls/s; an idle poll is one list call plus a few ms of database work, so at the sandbox's 50 ms about 2
     * workers are busy, and at a live Cart.com answering in 300 ms about 10. 16 leaves room for polls that find
     * orders (3 calls a page) and for the backlog after a restart. Database connections are held only between calls,
     * so 16 workers fit the default pool of 20.
     */
    @WithDefault("16")
    int workers();

    /**
     * Retries of stores whose last poll failed run on these workers only (the "retries" lane), so a store that is
     * down or hangs until the request timeout, poll after poll, never takes a regular worker. Failing stores may wait
     * behind each other here; their backoff (minutes) dwarfs that wait.
     */
    @WithDefault("2")
    int retryWorkers();

    /**
     * Manual imports running at once (the "imports" lane); long sweeps never take a polling worker. An import spends
     * most of its time waiting for slots of its store's call budget (the lowest priority: a tenth of each window), a
     * wait that holds neither a database connection nor a processor; with too few workers, imports that many
     * merchants asked for at once wait for each other rather than for their own stores' budgets.
     */
    @WithDefault("8")
    int importWorkers();

    /**
     * A poll running longer than this stops counting against {@link #workers()}: the instance claims another store
     * in its place. An idle poll takes well under a second; one that runs this long waits on a slow or hanging
     * Cart.com (first failures land here before the store moves to the retries lane) or walks a large backlog.
     */
    @WithDefault("PT10S")
    Duration slowPollAfter();

    /**
     * Hard cap on polls running past {@link #slowPollAfter()} on extra threads; beyond it, slow polls count against
     * the workers again. Each holds its thread for at most a few request timeouts (cartcom.request-timeout, 30 s):
     * 48 absorb about 1.5 stores per second that start hanging at once, far more than a single outage brings.
     */
    @WithDefault("48")
    int slowPollThreads();

    /** How often a lane that found nothing due looks again; a busy lane claims again as soon as a worker frees. */
    @WithDefault("PT1S")
    Duration tick();

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

    /** A poll stops after this many pages and the store is due again at once (keeps one store from hogging a worker). */
    @WithDefault("50")
    int maxPagesPerPoll();

    /**
     * First delay after a failed poll (and a failed manual import attempt); doubles with each consecutive failure up
     * to {@link #backoffMax()}, +-20% jitter, never sooner than Retry-After (the kit's {@code Backoff}).
     */
    @WithDefault("PT1M")
    Duration backoffInitial();

    @WithDefault("PT1H")
    Duration backoffMax();

    /** The schedule of {@link #backoffInitial()} and {@link #backoffMax()}: failed polls and manual imports. */
    default Backoff pollBackoff() {
        return new Backoff(backoffInitial(), backoffMax());
    }

    /**
     * The wait before a held order's second retry (its first is at the end of the poll that held it); it doubles with
     * each attempt up to {@link #backoffMax()}. Short, unlike a failed poll's: the store answers, only a record it
     * names was not there yet, as for an order placed a moment ago; the store is polled again when it is due.
     */
    @WithDefault("PT10S")
    Duration heldOrderRetryInitial();

    /** The schedule of a held order's retries after its first: {@link #heldOrderRetryInitial()} doubling. */
    default Backoff heldOrderBackoff() {
        return new Backoff(heldOrderRetryInitial(), backoffMax());
    }

    /**
     * Retries of one Cart.com call that failed in a retryable way (429, 5xx; not a timeout) before the poll gives up;
     * 0.5 s apart, doubling. Applied as the {@code @Retry} of {@code CartcomOrderSource.call} (application.properties).
     */
    @WithDefault("2")
    int callRetries();

    /**
     * Longest wait between those retries; when Retry-After asks for more, the poll ends and the store is
     * rescheduled: short, as a waiting worker cannot poll other stores.
     */
    @WithDefault("PT2S")
    Duration callRetryMaxWait();

    /** Cart.com's rate-limit window: how long a store rests after a 429 that did not say (no Retry-After). */
    @WithDefault("PT10S")
    Duration callLimitWindow();

    /** How long to wait for Kafka to acknowledge a page of records. */
    @WithDefault("PT30S")
    Duration sendTimeout();

    /** How long a manual import may wait for its store's snapshot before it fails. */
    @WithDefault("PT2M")
    Duration importSnapshotWait();

    /**
     * Attempts to get a held order whole (Cart.com left out its address or customer, or its items) after which the
     * merchant is told ({@code order_incomplete}); it is retried on the poll backoff after that too, never dropped.
     */
    @WithDefault("5")
    int heldOrderReportAfter();

    /** Held orders one poll retries at most (each one call, plus the page's two select_many). */
    @WithDefault("20")
    int heldOrdersPerPoll();

    /** Attempts of a manual import that fails in a retryable way before it is reported failed. */
    @WithDefault("5")
    int importMaxAttempts();

    /**
     * Webhooks: the shortest time between the starts of two polls of a store that webhooks asked for, so a burst of
     * webhooks (an order placed, then its status changed, then ours acknowledged it) makes one or two polls, not one
     * each. 3 s keeps an order's p99 from placed to imported under 5 s while a burst of 150 orders in 10 s costs
     * four polls (docs/benchmarks.md, WebhookBenchmark).
     */
    @WithDefault("PT3S")
    Duration earlyPollGap();

    /** Webhooks: how often the subscription job looks for stores to subscribe or unsubscribe. */
    @WithDefault("PT2S")
    Duration webhookTick();

    /** Webhooks: how often an active subscription is checked at Cart.com (the merchant may have removed it). */
    @WithDefault("PT24H")
    Duration webhookRecheck();

    /** Webhooks: first and longest wait before a failed subscribe or unsubscribe is tried again. */
    @WithDefault("PT1M")
    Duration webhookBackoffInitial();

    @WithDefault("PT6H")
    Duration webhookBackoffMax();

    /** Webhooks: failed attempts to remove a subscription before it is given up (reported in activity). */
    @WithDefault("8")
    int webhookRemoveAttempts();
}
