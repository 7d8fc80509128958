package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.importer.client.CartcomStatusClient;
import com.orderdesk.cartcom.importer.config.ImporterConfig;
import com.orderdesk.cartcom.model.cartcom.CartcomException;
import com.orderdesk.cartcom.model.crypto.TokenDecryptionException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Works off the pending "After Import, Set Status" updates. Success marks the update done. Retryable failures
 * (429, 5xx, timeouts, an unreadable token) wait with exponential backoff and jitter, at least as long as
 * Cart.com's Retry-After, up to {@code importer.status-updates.max-attempts}. Permanent failures (400, 401, 403,
 * 404, 409, a store no longer connected) are marked failed and reported as activity with the order: never
 * silently dropped.
 */
@ApplicationScoped
public class StatusUpdateWorker {
    private static final Logger LOG = Logger.getLogger(StatusUpdateWorker.class);

    @Inject
    StatusUpdateQueue queue;
    @Inject
    CartcomStatusClient cartcom;
    @Inject
    ImporterConfig config;

    @Scheduled(identity = "status-updates", every = "${importer.status-updates.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            for (StatusUpdateQueue.Claimed update : queue.claimDue(config.statusUpdates().batchSize(),
                    config.statusUpdates().lease())) {
                process(update);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Status update run failed, will retry: %s", e.toString());
        }
    }

    void process(StatusUpdateQueue.Claimed update) {
        try {
            cartcom.setOrderStatus(update.storeId(), update.cartOrderId(), update.statusId());
            queue.markDone(update.id());
            LOG.infof("Set status %d on Cart.com order %d of store %d", update.statusId(), update.cartOrderId(),
                    update.storeId());
        } catch (CartcomException e) {
            if (e.retryable()) {
                retryOrGiveUp(update, e.getMessage(), e.retryAfter().orElse(Duration.ZERO));
            } else {
                giveUp(update, e.getMessage());
            }
        } catch (CartcomStatusClient.StoreNotConnectedException e) {
            giveUp(update, e.getMessage());
        } catch (TokenDecryptionException e) {
            // Usually a key missing from this instance's configuration: fixable without the merchant.
            retryOrGiveUp(update, e.getMessage(), Duration.ZERO);
        }
    }

    private void retryOrGiveUp(StatusUpdateQueue.Claimed update, String error, Duration retryAfter) {
        if (update.attempts() >= config.statusUpdates().maxAttempts()) {
            giveUp(update, "gave up after " + update.attempts() + " attempts: " + error);
            return;
        }
        Duration wait = backoff(update.attempts());
        if (retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        queue.retryLater(update.id(), Instant.now().plus(wait), error);
        LOG.infof("Status update of Cart.com order %d of store %d failed (attempt %d), retrying in %s: %s",
                update.cartOrderId(), update.storeId(), update.attempts(), wait, error);
    }

    private void giveUp(StatusUpdateQueue.Claimed update, String reason) {
        queue.markFailed(update.id(), reason);
        LOG.warnf("Status update of Cart.com order %d of store %d failed permanently: %s", update.cartOrderId(),
                update.storeId(), reason);
    }

    /** initial * 2^(attempts-1), capped, with +-20% jitter so stores that failed together do not retry together. */
    Duration backoff(int attempts) {
        long initial = config.statusUpdates().initialBackoff().toMillis();
        long max = config.statusUpdates().maxBackoff().toMillis();
        long exponential = initial << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(max, exponential);
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (capped * jitter));
    }
}
