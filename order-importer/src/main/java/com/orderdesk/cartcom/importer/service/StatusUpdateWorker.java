package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.importer.client.CartcomStatusClient;
import com.orderdesk.cartcom.importer.client.CartcomStatusClient.StoreConnection;
import com.orderdesk.cartcom.importer.config.ImporterConfig;
import com.orderdesk.cartcom.kit.cartcom.CartcomException;
import com.orderdesk.cartcom.kit.retry.Backoff;
import com.orderdesk.cartcom.kit.work.StoreLanes;
import com.orderdesk.cartcom.model.crypto.TokenDecryptionException;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Works off the pending "After Import, Set Status" updates, store by store on a few threads: a store's updates go
 * one after another, different stores at once, so a store that hangs or is throttled never delays another.
 *
 * <ul>
 *   <li>Success marks the update done.</li>
 *   <li>429: the store is paused for every instance until Cart.com's Retry-After and its claimed updates are given
 *       back untried; throttling is not a failure and does not count as an attempt. The same pause comes without
 *       a 429 when an answer's X-AC-Call-Limit says the window is used up and the worker knows when it opened.</li>
 *   <li>Other retryable failures (5xx, timeouts, garbled answers, an unreadable token) wait with exponential backoff
 *       and jitter, at least as long as Retry-After, up to {@code max-attempts}. After an unclear answer (the
 *       status may have been applied) and once a shipment was recorded, the next attempt reads the order first:
 *       already in the status means done; moved out of the download statuses by someone else (shipment-sync's
 *       after-shipment status, the merchant) means it is left alone.</li>
 *   <li>Permanent failures (400, 401, 403, 404, 409, a store no longer connected) are marked failed and reported as
 *       activity with the order: never silently dropped.</li>
 * </ul>
 */
@ApplicationScoped
public class StatusUpdateWorker {
    private static final Logger LOG = Logger.getLogger(StatusUpdateWorker.class);
    static final String JOB = "status-updates";

    private final StatusUpdateQueue queue;
    private final CartcomStatusClient cartcom;
    private final ImporterConfig config;
    private final Scheduler scheduler;
    private final Backoff backoff;

    /** A store on each thread; a thread freed or a store's pause ended claims again between the scheduler's ticks. */
    private StoreLanes<StatusUpdateQueue.Claimed> lanes;

    StatusUpdateWorker(StatusUpdateQueue queue, CartcomStatusClient cartcom, ImporterConfig config, Scheduler scheduler) {
        this.queue = queue;
        this.cartcom = cartcom;
        this.config = config;
        this.scheduler = scheduler;
        this.backoff = new Backoff(config.statusUpdates().initialBackoff(), config.statusUpdates().maxBackoff());
    }

    @PostConstruct
    void start() {
        lanes = new StoreLanes<>("status-update", config.statusUpdates().concurrency(),
                busy -> queue.claimDue(config.statusUpdates().batchSize(), config.statusUpdates().lease(), busy),
                (updates, at) -> queue.release(ids(updates), at), this::processStore, () -> scheduler.isPaused(JOB));
    }

    @PreDestroy
    void stop() {
        // Updates still claimed come back when their lease ends.
        lanes.close();
    }

    @Scheduled(identity = JOB, every = "${importer.status-updates.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        lanes.claimAndStart();
    }

    /** Works off one store's claimed updates; returns when to claim again (now, or when the store may be called). */
    Instant processStore(long storeId, List<StatusUpdateQueue.Claimed> updates) {
        StoreConnection store;
        try {
            store = cartcom.open(storeId);
        } catch (CartcomStatusClient.StoreNotConnectedException e) {
            updates.forEach(update -> giveUp(update, e.getMessage()));
            return Instant.now();
        } catch (TokenDecryptionException e) {
            // Usually a key missing from this instance's configuration: fixable without the merchant.
            updates.forEach(update -> retryOrGiveUp(update, e.getMessage(), Optional.empty(), false));
            return Instant.now();
        }
        for (int i = 0; i < updates.size(); i++) {
            Instant restAt = process(store, updates.get(i));
            if (restAt != null) {
                queue.release(ids(updates.subList(i + 1, updates.size())), restAt);
                return restAt;
            }
        }
        return Instant.now();
    }

    /** Returns when the store's remaining updates may be tried, if not right now (throttled, not answering). */
    private Instant process(StoreConnection store, StatusUpdateQueue.Claimed update) {
        try {
            if (update.checkFirst()) {
                long current = store.currentStatus(update.cartOrderId());
                if (current == update.statusId()) {
                    queue.markDone(update.id());
                    return null;
                }
                if (!store.isDownloadStatus(current)) {
                    queue.markSuperseded(update.id(), "Cart.com shows status " + current
                            + " already (set after a shipment or by the merchant); not overwritten");
                    LOG.infof("Cart.com order %d of store %d is in status %d already; status %d not set",
                            update.cartOrderId(), update.storeId(), current, update.statusId());
                    return null;
                }
            }
            store.setOrderStatus(update.cartOrderId(), update.statusId());
            queue.markDone(update.id());
            LOG.debugf("Set status %d on Cart.com order %d of store %d", update.statusId(), update.cartOrderId(),
                    update.storeId());
            return null;
        } catch (CartcomException e) {
            return onFailure(update, e);
        }
    }

    private Instant onFailure(StatusUpdateQueue.Claimed update, CartcomException e) {
        switch (e.kind()) {
            case RATE_LIMITED -> {
                Instant until = Instant.now().plus(e.retryAfter().orElse(config.statusUpdates().throttleFallback()));
                queue.pauseStore(update.storeId(), until);
                queue.release(List.of(update.id()), until);
                return until;
            }
            case TIMEOUT, UNREACHABLE -> {
                // Every further call to this store would likely hold the thread as long: try the rest later.
                retryOrGiveUp(update, e.getMessage(), Optional.empty(), e.kind() == CartcomException.Kind.TIMEOUT);
                return Instant.now().plus(config.statusUpdates().initialBackoff());
            }
            case SERVER_ERROR, MALFORMED_RESPONSE -> {
                retryOrGiveUp(update, e.getMessage(), e.retryAfter(), true);
                return null;
            }
            default -> {
                giveUp(update, e.getMessage());
                return null;
            }
        }
    }

    private void retryOrGiveUp(StatusUpdateQueue.Claimed update, String error, Optional<Duration> retryAfter,
                               boolean unclear) {
        if (update.attempts() >= config.statusUpdates().maxAttempts()) {
            giveUp(update, "gave up after " + update.attempts() + " attempts: " + error);
            return;
        }
        Duration wait = backoff.after(update.attempts(), retryAfter);
        queue.retryLater(update.id(), Instant.now().plus(wait), error, unclear);
        LOG.infof("Status update of Cart.com order %d of store %d failed (attempt %d), retrying in %s: %s",
                update.cartOrderId(), update.storeId(), update.attempts(), wait, error);
    }

    private void giveUp(StatusUpdateQueue.Claimed update, String reason) {
        queue.markFailed(update.id(), reason);
        LOG.warnf("Status update of Cart.com order %d of store %d failed permanently: %s", update.cartOrderId(),
                update.storeId(), reason);
    }

    private static List<Long> ids(List<StatusUpdateQueue.Claimed> updates) {
        return updates.stream().map(StatusUpdateQueue.Claimed::id).toList();
    }
}
