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
import com.orderdesk.cartcom.poller.client.OrderQueries;
import com.orderdesk.cartcom.poller.client.OrderWalk;
import com.orderdesk.cartcom.poller.config.InstanceId;
import com.orderdesk.cartcom.poller.config.PollerConfig;
import com.orderdesk.cartcom.poller.publisher.RawOrderPublisher;
import com.orderdesk.cartcom.poller.repository.ImportRequestRepository.ClaimedImport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs one manual import: every order in the download statuses placed since the requested date, published
 * with the import id (the importer's dedupe skips what it already has), walked by (ordered_at, id) keyset pages.
 * Progress is reported after each page, and the sweep's position is stored with it (after Kafka's acks), so a
 * retry or a restart resumes where the import stopped; a page published twice by a crash is absorbed downstream.
 */
@ApplicationScoped
public class ManualImportRun {
    private static final Logger LOG = Logger.getLogger(ManualImportRun.class);

    private final StoreSnapshots snapshots;
    private final StoreApis apis;
    private final CartcomOrderSource source;
    private final RawOrderPublisher publisher;
    private final HeldOrders heldOrders;
    private final ImportOutcomes outcomes;
    private final PollerConfig config;
    private final Backoff backoff;
    private final String owner;

    public ManualImportRun(StoreSnapshots snapshots, StoreApis apis, CartcomOrderSource source, RawOrderPublisher publisher,
                           HeldOrders heldOrders, ImportOutcomes outcomes, PollerConfig config, InstanceId instanceId) {
        this.snapshots = snapshots;
        this.apis = apis;
        this.source = source;
        this.publisher = publisher;
        this.heldOrders = heldOrders;
        this.outcomes = outcomes;
        this.config = config;
        this.backoff = config.pollBackoff();
        this.owner = instanceId.value();
    }

    public void run(ClaimedImport request) {
        long storeId = request.storeId();
        StoreIntegrationChanged snapshot = snapshots.find(storeId).filter(StoreIntegrationChanged::active).orElse(null);
        if (snapshot == null) {
            // The request may overtake the store's snapshot (two topics): wait a little before giving up.
            if (request.requestedAt().plus(config.importSnapshotWait()).isAfter(Instant.now())) {
                outcomes.retryLater(request.importId(), owner, Duration.ofSeconds(2), "waiting for the store's settings");
            } else {
                outcomes.failed(storeId, request.importId(), owner, 0, "the store is not connected to Cart.com or not enabled");
            }
            return;
        }
        long found = request.ordersFound();
        try {
            CartcomStoreApi api = apis.open(snapshot, CallKind.IMPORT_SWEEP);
            outcomes.progress(storeId, request.importId(), request.resumeAfter() == null ? "Manual import started"
                    : "Manual import resumed after " + found + " orders", found);
            OrderWalk walk = source.walk(api, OrderQueries.inStatuses(snapshot.downloadStatusIds()), OrderQueries.ORDERED_AT,
                    request.since(), request.resumeAfter(), CartcomDates.zoneOf(snapshot));
            while (true) {
                List<FetchedOrder> page = source.complete(api, walk.nextPage());
                // As in a poll: an order Cart.com did not give whole is held, never published blank.
                found += publisher.publishWhole(page, snapshot, request.importId()).size();
                if (!outcomes.pageDone(storeId, request.importId(), owner, config.lease(), found, walk.last(),
                        heldOrders.firstAttempts(page))) {
                    LOG.warnf("import %s: lease lost; another instance continues", request.importId());
                    return;
                }
                if (walk.done()) {
                    break;
                }
                outcomes.progress(storeId, request.importId(), "Manual import: " + found + " orders found so far", found);
            }
            outcomes.completed(storeId, request.importId(), owner, found);
        } catch (TokenDecryptionException e) {
            outcomes.failed(storeId, request.importId(), owner, found, "the stored access token cannot be opened");
        } catch (CartcomException e) {
            if (e.retryable() && request.attempts() < config.importMaxAttempts()) {
                Duration retryIn = backoff.after(request.attempts(), e.retryAfter());
                LOG.warnf("import %s: %s; retrying in %s", request.importId(), e.getMessage(), retryIn);
                outcomes.retryLater(request.importId(), owner, retryIn, e.getMessage());
            } else {
                outcomes.failed(storeId, request.importId(), owner, found,
                        e.kind() == CartcomException.Kind.CREDENTIALS_REJECTED
                                ? "Cart.com rejected the access token (HTTP " + e.httpStatus() + ")" : e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "import %s failed", request.importId());
            if (request.attempts() < config.importMaxAttempts()) {
                outcomes.retryLater(request.importId(), owner, backoff.after(request.attempts(), Optional.empty()),
                        StorePoll.describe(e));
            } else {
                outcomes.failed(storeId, request.importId(), owner, found, StorePoll.describe(e));
            }
        }
    }
}
