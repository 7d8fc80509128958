package com.orderdesk.cartcom.poller.service;

import com.orderdesk.cartcom.kit.cartcom.CartcomDates;
import com.orderdesk.cartcom.kit.cartcom.CartcomException;
import com.orderdesk.cartcom.kit.budget.CallKind;
import com.orderdesk.cartcom.kit.cartcom.CartcomStoreApi;
import com.orderdesk.cartcom.kit.cartcom.StoreApis;
import com.orderdesk.cartcom.kit.retry.Backoff;
import com.orderdesk.cartcom.kit.snapshot.StoreSnapshots;
import com.orderdesk.cartcom.model.crypto.TokenDecryptionException;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.poller.client.CartcomOrderSource;
import com.orderdesk.cartcom.poller.client.FetchedOrder;
import com.orderdesk.cartcom.poller.client.ListKey;
import com.orderdesk.cartcom.poller.client.ListedOrder;
import com.orderdesk.cartcom.poller.client.OrderQueries;
import com.orderdesk.cartcom.poller.client.OrderWalk;
import com.orderdesk.cartcom.poller.config.InstanceId;
import com.orderdesk.cartcom.poller.config.PollerConfig;
import com.orderdesk.cartcom.poller.publisher.RawOrderPublisher;
import com.orderdesk.cartcom.poller.repository.ClaimedStore;
import com.orderdesk.cartcom.poller.repository.PollScheduleRepository;
import com.orderdesk.cartcom.poller.repository.PublishedOrderRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One poll of one claimed store: walk the orders in the download statuses changed since the cursor (minus an
 * overlap) by keyset pages, publish each new or changed one with its addresses and customer, wait for Kafka's
 * acknowledgement, then move the cursor; page by page, so a failure halfway keeps what was acknowledged. Near the
 * store's call limit, or at max-pages-per-poll, the poll stops at a page boundary and the store is rescheduled.
 */
@ApplicationScoped
public class StorePoll {
    private static final Logger LOG = Logger.getLogger(StorePoll.class);

    private final StoreSnapshots snapshots;
    private final StoreApis apis;
    private final CartcomOrderSource source;
    private final RawOrderPublisher publisher;
    private final HeldOrders heldOrders;
    private final PublishedOrderRepository published;
    private final PollScheduleRepository schedule;
    private final PollOutcomes outcomes;
    private final PollerConfig config;
    private final Backoff backoff;
    private final String owner;
    private final MeterRegistry metrics;

    public StorePoll(StoreSnapshots snapshots, StoreApis apis, CartcomOrderSource source, RawOrderPublisher publisher,
                     HeldOrders heldOrders, PublishedOrderRepository published, PollScheduleRepository schedule,
                     PollOutcomes outcomes, PollerConfig config, InstanceId instanceId, MeterRegistry metrics) {
        this.snapshots = snapshots;
        this.apis = apis;
        this.source = source;
        this.publisher = publisher;
        this.heldOrders = heldOrders;
        this.published = published;
        this.schedule = schedule;
        this.outcomes = outcomes;
        this.config = config;
        this.backoff = config.pollBackoff();
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
            CartcomStoreApi api = apis.open(snapshot, CallKind.POLLING);
            Result result = fetchAndPublish(claim, snapshot, api);
            if (result == null) {
                LOG.warnf("store %d: lease lost during the poll; another instance continues", storeId);
                count("lease_lost");
                return;
            }
            Duration next = result.continueIn() != null ? result.continueIn() : interval(snapshot);
            Instant pruneBefore = result.cursor() == null ? null : result.cursor().minus(config.overlap());
            outcomes.succeeded(storeId, owner, next, result.continueIn() != null, result.published(), pruneBefore);
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
            } else if (e.kind() == CartcomException.Kind.RATE_LIMITED) {
                // Throttling is not a failure: what was acknowledged stays, the store comes back when Cart.com says.
                schedule.releaseUntil(storeId, owner, e.retryAfter().orElse(config.callLimitWindow()));
                count("throttled");
            } else {
                outcomes.failed(storeId, owner, backoff.after(claim.consecutiveFailures() + 1, e.retryAfter()), e.getMessage());
                count("failed");
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "store %d: poll failed", storeId);
            outcomes.failed(storeId, owner, backoff.after(claim.consecutiveFailures() + 1, Optional.empty()), describe(e));
            count("failed");
        }
    }

    /** Returns null if the lease was lost on the way. */
    private Result fetchAndPublish(ClaimedStore claim, StoreIntegrationChanged snapshot, CartcomStoreApi api) {
        long storeId = claim.storeId();
        Instant from = claim.cursorUpdatedAt() == null
                ? Instant.now().minus(config.initialLookback())
                : claim.cursorUpdatedAt().minus(config.overlap());
        // A walk cut short (call limit, page cap) goes on after its position: re-reading the overlap first could
        // spend a small store's whole call budget on orders already published, poll after poll.
        ListKey resumeAfter = claim.walkUnfinished() && claim.cursorUpdatedAt() != null && claim.cursorOrderId() != null
                ? new ListKey(claim.cursorUpdatedAt(), claim.cursorOrderId()) : null;
        OrderWalk walk = source.walk(api, OrderQueries.inStatuses(snapshot.downloadStatusIds()), OrderQueries.UPDATED_AT,
                from, resumeAfter, CartcomDates.zoneOf(snapshot));
        long publishedCount = 0;
        int pages = 0;
        while (true) {
            List<FetchedOrder> fetched = source.complete(api, unpublished(storeId, walk.nextPage()));
            // An order Cart.com did not give whole is held and retried by id, never published blank.
            List<FetchedOrder> whole = publisher.publishWhole(fetched, snapshot, null);
            if (!outcomes.pageDone(storeId, owner, walk.last(), whole, heldOrders.firstAttempts(fetched))) {
                return null;
            }
            publishedCount += whole.size();
            metrics.counter("cartcom.poller.orders.published").increment(whole.size());
            Instant cursor = walk.last() == null ? claim.cursorUpdatedAt() : walk.last().at();
            if (walk.done()) {
                long retried = heldOrders.retryDue(storeId, owner, snapshot, api);
                if (retried < 0) {
                    return null;
                }
                metrics.counter("cartcom.poller.orders.published").increment(retried);
                return new Result(publishedCount + retried, cursor, null);
            }
            if (++pages >= config.maxPagesPerPoll()) {
                return new Result(publishedCount, cursor, Duration.ZERO);
            }
            if (!schedule.renewLease(storeId, owner, config.lease())) {
                return null;
            }
        }
    }

    /** Drops orders whose current version was already published by an earlier poll (the overlap window). */
    private List<ListedOrder> unpublished(long storeId, List<ListedOrder> orders) {
        Map<Long, String> versions = published.publishedVersions(storeId, orders.stream().map(ListedOrder::id).toList());
        return orders.stream().filter(o -> !o.updatedAtRaw().equals(versions.get(o.id()))).toList();
    }

    private Duration interval(StoreIntegrationChanged snapshot) {
        return config.intervalOverride().orElseGet(() -> Duration.ofMinutes(
                snapshot.checkIntervalMinutes() == null ? config.defaultIntervalMinutes() : snapshot.checkIntervalMinutes()));
    }

    private void count(String outcome) {
        metrics.counter("cartcom.poller.polls", "outcome", outcome).increment();
    }

    static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** continueIn: when the next poll should come if not after the store's interval (more pages, paced). */
    private record Result(long published, Instant cursor, Duration continueIn) {
    }
}
