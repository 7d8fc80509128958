package com.orderdesk.cartcom.poller.service;

import com.orderdesk.cartcom.model.cartcom.CartcomException;
import com.orderdesk.cartcom.model.cartcom.CartcomStoreApi;
import com.orderdesk.cartcom.model.crypto.TokenDecryptionException;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.snapshot.StoreSnapshots;
import com.orderdesk.cartcom.poller.client.CartcomOrderSource;
import com.orderdesk.cartcom.poller.client.FetchedOrder;
import com.orderdesk.cartcom.poller.client.OrderPage;
import com.orderdesk.cartcom.poller.client.OrderQueries;
import com.orderdesk.cartcom.poller.client.RawOrderPublisher;
import com.orderdesk.cartcom.poller.config.PollerConfig;
import com.orderdesk.cartcom.poller.config.SharedBeans.InstanceId;
import com.orderdesk.cartcom.poller.repository.ClaimedStore;
import com.orderdesk.cartcom.poller.repository.PollScheduleRepository;
import com.orderdesk.cartcom.poller.repository.PublishedOrderRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * One poll of one claimed store: list the orders in the download statuses changed since the cursor (minus an
 * overlap), publish each new or changed one with its addresses and customer, wait for Kafka's
 * acknowledgement, then move the cursor; page by page, so a failure halfway keeps what was acknowledged.
 */
@ApplicationScoped
public class StorePoll {
    private static final Logger LOG = Logger.getLogger(StorePoll.class);

    private final StoreSnapshots snapshots;
    private final StoreAccess access;
    private final CartcomOrderSource source;
    private final RawOrderPublisher publisher;
    private final PublishedOrderRepository published;
    private final PollScheduleRepository schedule;
    private final PollOutcomes outcomes;
    private final PollerConfig config;
    private final String owner;
    private final MeterRegistry metrics;

    public StorePoll(StoreSnapshots snapshots, StoreAccess access, CartcomOrderSource source, RawOrderPublisher publisher,
                     PublishedOrderRepository published, PollScheduleRepository schedule, PollOutcomes outcomes,
                     PollerConfig config, InstanceId instanceId, MeterRegistry metrics) {
        this.snapshots = snapshots;
        this.access = access;
        this.source = source;
        this.publisher = publisher;
        this.published = published;
        this.schedule = schedule;
        this.outcomes = outcomes;
        this.config = config;
        this.owner = instanceId.value();
        this.metrics = metrics;
    }

    public void poll(ClaimedStore claim) {
        long storeId = claim.storeId();
        StoreIntegrationChanged snapshot = snapshots.find(storeId).orElse(null);
        if (snapshot == null || !snapshot.active()) {
            // Turned inactive between the claim and now: the schedule row already says so.
            schedule.release(storeId, owner);
            return;
        }
        try {
            CartcomStoreApi api = access.open(snapshot);
            Result result = fetchAndPublish(claim, snapshot, api);
            if (result == null) {
                LOG.warnf("store %d: lease lost during the poll; another instance continues", storeId);
                count("lease_lost");
                return;
            }
            Duration next = result.morePages() ? Duration.ZERO : interval(snapshot);
            Instant pruneBefore = result.cursor() == null ? null : result.cursor().minus(config.overlap());
            outcomes.succeeded(storeId, owner, next, result.published(), pruneBefore);
            count("success");
        } catch (TokenDecryptionException e) {
            outcomes.paused(storeId, owner, "The stored Cart.com access token cannot be opened (" + e.getMessage()
                    + "); polling is paused until the store is reconnected");
            count("paused");
        } catch (CartcomException e) {
            if (e.kind() == CartcomException.Kind.CREDENTIALS_REJECTED) {
                outcomes.paused(storeId, owner, "Cart.com rejected the access token (HTTP " + e.httpStatus()
                        + "); polling is paused until the store is reconnected with a valid token");
                count("paused");
            } else {
                Duration retryIn = backoff(claim.consecutiveFailures() + 1, e.retryAfter().orElse(Duration.ZERO));
                outcomes.failed(storeId, owner, retryIn, e.getMessage());
                count("failed");
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "store %d: poll failed", storeId);
            outcomes.failed(storeId, owner, backoff(claim.consecutiveFailures() + 1, Duration.ZERO), describe(e));
            count("failed");
        }
    }

    /** Returns null if the lease was lost on the way. */
    private Result fetchAndPublish(ClaimedStore claim, StoreIntegrationChanged snapshot, CartcomStoreApi api) {
        long storeId = claim.storeId();
        ZoneId zone = StoreAccess.zoneOf(snapshot);
        Instant from = claim.cursorUpdatedAt() == null
                ? Instant.now().minus(config.initialLookback())
                : claim.cursorUpdatedAt().minus(config.overlap());
        Map<String, String> query = OrderQueries.updatedSince(snapshot.downloadStatusIds(), from, config.pageSize());

        OrderPage page = source.firstPage(api, query, zone);
        long publishedCount = 0;
        Instant cursor = claim.cursorUpdatedAt();
        int pages = 1;
        while (true) {
            List<FetchedOrder> fresh = unpublished(storeId, page.orders());
            publisher.publishAndAwait(fresh.stream()
                    .map(o -> CartOrderFetched.of(storeId, o.id(), null, o.order(), o.shippingAddress(), o.billingAddress(), o.customer()))
                    .toList());
            if (!outcomes.pageDone(storeId, owner, page.orders(), fresh)) {
                return null;
            }
            publishedCount += fresh.size();
            metrics.counter("cartcom.poller.orders.published").increment(fresh.size());
            cursor = page.orders().stream().map(FetchedOrder::updatedAt).filter(Objects::nonNull)
                    .reduce(cursor, (a, b) -> a == null || b.isAfter(a) ? b : a);
            if (page.nextPage() == null || page.orders().isEmpty()) {
                return new Result(publishedCount, cursor, false);
            }
            if (pages >= config.maxPagesPerPoll()) {
                return new Result(publishedCount, cursor, true);
            }
            String next = access.nextPageUrl(snapshot, page.nextPage());
            if (!schedule.renewLease(storeId, owner, config.lease())) {
                return null;
            }
            page = source.nextPage(api, next, zone);
            pages++;
        }
    }

    /** Drops orders whose current version was already published by an earlier poll (the overlap window). */
    private List<FetchedOrder> unpublished(long storeId, List<FetchedOrder> orders) {
        Map<Long, String> versions = published.publishedVersions(storeId, orders.stream().map(FetchedOrder::id).toList());
        return orders.stream().filter(o -> !o.updatedAtRaw().equals(versions.get(o.id()))).toList();
    }

    private Duration interval(StoreIntegrationChanged snapshot) {
        return config.intervalOverride().orElseGet(() -> Duration.ofMinutes(
                snapshot.checkIntervalMinutes() == null ? config.defaultIntervalMinutes() : snapshot.checkIntervalMinutes()));
    }

    /** Exponential from backoff-initial, capped at backoff-max, never sooner than Cart.com's Retry-After. */
    Duration backoff(int failures, Duration retryAfter) {
        Duration wait = config.backoffInitial().multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
        if (wait.compareTo(config.backoffMax()) > 0) {
            wait = config.backoffMax();
        }
        return retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }

    private void count(String outcome) {
        metrics.counter("cartcom.poller.polls", "outcome", outcome).increment();
    }

    static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private record Result(long published, Instant cursor, boolean morePages) {
    }
}
