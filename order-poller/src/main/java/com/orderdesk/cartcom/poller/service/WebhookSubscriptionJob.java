package com.orderdesk.cartcom.poller.service;

import com.orderdesk.cartcom.kit.cartcom.CartcomException;
import com.orderdesk.cartcom.kit.budget.CallKind;
import com.orderdesk.cartcom.kit.cartcom.CartcomStoreApi;
import com.orderdesk.cartcom.kit.cartcom.StoreApis;
import com.orderdesk.cartcom.kit.config.CartcomConfig;
import com.orderdesk.cartcom.kit.outbox.ActivityRecorder;
import com.orderdesk.cartcom.kit.retry.Backoff;
import com.orderdesk.cartcom.model.crypto.EncryptedToken;
import com.orderdesk.cartcom.model.crypto.TokenDecryptionException;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.ActivityRecorded.Level;
import com.orderdesk.cartcom.poller.config.InstanceId;
import com.orderdesk.cartcom.poller.client.WebhookSync;
import com.orderdesk.cartcom.poller.client.WebhookUrls;
import com.orderdesk.cartcom.poller.config.PollerConfig;
import com.orderdesk.cartcom.poller.repository.WebhookSubscription;
import com.orderdesk.cartcom.poller.repository.WebhookSubscriptionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Subscribes and unsubscribes stores at Cart.com as {@link WebhookSubscriptions} decided, a few stores a tick, each
 * claimed with a lease (several instances share the work). Each outcome and the activity that reports a change of
 * state commit together. A refusal of the token (401/403: Cart.com's webhooks need the "Perform system tasks" scope)
 * is not retried until the store's credentials change; other failures are retried with the kit's backoff. Created at
 * start-up ({@code @Startup}), so that a public webhook base URL that is not https stops the service saying so; before
 * the scheduler starts its triggers (its start-up observer has priority {@code PLATFORM_BEFORE}), so that a refused
 * start says it once instead of running this job, and failing, every tick while the rest of the start-up goes on.
 */
@ApplicationScoped
@Startup(Interceptor.Priority.PLATFORM_BEFORE - 1)
public class WebhookSubscriptionJob {
    private static final Logger LOG = Logger.getLogger(WebhookSubscriptionJob.class);
    private static final int STORES_PER_TICK = 8;
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookSecrets secrets;
    private final StoreApis apis;
    private final ActivityRecorder activity;
    private final PollerConfig config;
    private final String owner;
    private final Optional<WebhookUrls> urls;
    private final Backoff backoff;

    public WebhookSubscriptionJob(WebhookSubscriptionRepository subscriptions, WebhookSecrets secrets, StoreApis apis,
                                  ActivityRecorder activity, PollerConfig config, CartcomConfig cartcom, InstanceId instance) {
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.apis = apis;
        this.activity = activity;
        this.config = config;
        this.owner = instance.value();
        this.urls = cartcom.publicWebhookBaseUrl().filter(url -> !url.isBlank())
                .map(url -> new WebhookUrls(url, cartcom.allowInsecureBaseUrl()));
        this.backoff = new Backoff(config.webhookBackoffInitial(), config.webhookBackoffMax());
    }

    @Scheduled(identity = "webhook-subscriptions", every = "${poller.webhook-tick:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (urls.isEmpty()) {
            return;
        }
        for (WebhookSubscription row : subscriptions.claimDue(owner, LEASE, STORES_PER_TICK)) {
            try {
                settle(row, attempt(row));
            } catch (RuntimeException e) {
                // The lease lapses and the row is tried again.
                LOG.errorf(e, "webhook subscription of store %d: unexpected failure", row.storeId());
            }
        }
    }

    /** What came of one attempt: the state to record, its detail, and when to look again (null: not by itself). */
    private record Outcome(String state, String detail, int attempts, Duration next, Level level, String message) {
        /** The activity kind that reports this state. */
        String kind() {
            return switch (state) {
                case WebhookSubscription.ACTIVE -> ActivityKinds.WEBHOOKS_ON;
                case WebhookSubscription.NOT_ALLOWED -> ActivityKinds.WEBHOOKS_NOT_ALLOWED;
                case WebhookSubscription.FAILING -> ActivityKinds.WEBHOOKS_FAILING;
                default -> ActivityKinds.WEBHOOKS_OFF;
            };
        }
    }

    private Outcome attempt(WebhookSubscription row) {
        String url = urls.get().of(secrets.open(row.storeId(), new EncryptedToken(row.secretKeyId(), row.sealedSecret())));
        try {
            CartcomStoreApi api = apis.open(row.storeId(), row.domain(), new EncryptedToken(row.tokenKeyId(), row.sealedToken()),
                    CallKind.POLLING);
            WebhookSync sync = new WebhookSync(api, urls.get(), secret -> heldByAnotherStore(secret, row.storeId()));
            if (row.wanted()) {
                sync.subscribe(url);
                return new Outcome(WebhookSubscription.ACTIVE, null, 0, config.webhookRecheck(), Level.info,
                        "Webhooks on: Cart.com tells the integration at once when an order is placed or changes status,"
                                + " so new orders arrive within seconds (the check interval still runs as a safety net)");
            }
            sync.unsubscribe(url);
            return new Outcome(WebhookSubscription.REMOVED, null, 0, null, Level.info,
                    "Webhooks off: the subscription at Cart.com was removed; orders arrive on the check interval");
        } catch (CartcomException e) {
            return failed(row, e.kind(), e.getMessage(), e.retryAfter());
        } catch (TokenDecryptionException e) {
            return failed(row, CartcomException.Kind.CREDENTIALS_REJECTED, "the stored token does not open", Optional.empty());
        }
    }

    private Outcome failed(WebhookSubscription row, CartcomException.Kind kind, String reason, Optional<Duration> retryAfter) {
        boolean refused = kind == CartcomException.Kind.CREDENTIALS_REJECTED || kind == CartcomException.Kind.NOT_FOUND;
        int attempts = row.attempts() + 1;
        if (row.wanted() && refused) {
            return new Outcome(WebhookSubscription.NOT_ALLOWED, reason, attempts, null, Level.warn,
                    "Webhooks are not available with this access token (Cart.com's webhooks need the \"Perform system"
                            + " tasks\" scope; " + reason + "): new orders arrive on the check interval. Connect with a"
                            + " token that has that scope to get them within seconds");
        }
        if (row.wanted()) {
            return new Outcome(WebhookSubscription.FAILING, reason, attempts, backoff.after(attempts, retryAfter), Level.warn,
                    "Could not subscribe to Cart.com's webhooks (" + reason + "); trying again. New orders arrive on"
                            + " the check interval meanwhile");
        }
        if (refused || attempts >= config.webhookRemoveAttempts()) {
            return new Outcome(WebhookSubscription.REMOVED, "not removed at Cart.com: " + reason, attempts, null, Level.warn,
                    "Could not remove the webhook subscription at Cart.com (" + reason + "); remove it in the store's"
                            + " admin (Settings, Webhooks) if it is still there: the integration ignores its calls");
        }
        return new Outcome(row.state(), reason, attempts, backoff.after(attempts, retryAfter), null, null);
    }

    private void settle(WebhookSubscription row, Outcome outcome) {
        boolean recorded = QuarkusTransaction.requiringNew().call(() -> {
            boolean settled = subscriptions.settle(row.storeId(), owner, row.wanted(), outcome.state(), outcome.detail(),
                    outcome.attempts(), outcome.next());
            // Only a change of state is news to the merchant (a daily recheck that finds all well is not); a failing
            // subscription reports its first failure, not every retry.
            boolean news = !outcome.state().equals(row.state())
                    || (WebhookSubscription.FAILING.equals(outcome.state()) && outcome.attempts() == 1);
            if (settled && news && outcome.message() != null) {
                activity.record(ActivityRecorded.of(row.storeId(), outcome.kind(), outcome.level(), outcome.message()));
            }
            return settled;
        });
        if (!recorded) {
            subscriptions.release(row.storeId(), owner);
        }
        LOG.infof("webhook subscription of store %d: %s%s", row.storeId(), outcome.state(),
                outcome.detail() == null ? "" : " (" + outcome.detail() + ")");
    }

    /** A URL of ours whose secret belongs to another store that wants it (the same Cart.com store twice): kept. */
    private boolean heldByAnotherStore(String secret, long storeId) {
        return WebhookSecrets.wellFormed(secret)
                && subscriptions.storeOfSecret(WebhookSecrets.hash(secret)).filter(other -> other != storeId).isPresent();
    }
}
