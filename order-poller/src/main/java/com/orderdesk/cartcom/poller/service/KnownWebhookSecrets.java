package com.orderdesk.cartcom.poller.service;

import com.orderdesk.cartcom.poller.repository.WebhookSubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which store a webhook URL's secret belongs to. Known secrets are remembered for a short while, so a burst of
 * webhooks costs one database read; unknown ones are looked up each time (nothing an outsider sends can fill memory),
 * and a secret that is not even well-formed is refused without a lookup. A store unsubscribed is forgotten here
 * within {@link #REMEMBERED}.
 */
@ApplicationScoped
public class KnownWebhookSecrets {
    static final Duration REMEMBERED = Duration.ofSeconds(5);
    /** More subscribed stores than this and the memory starts over (it is a cache, not the truth). */
    private static final int MAX_REMEMBERED = 100_000;

    private final WebhookSubscriptionRepository subscriptions;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public KnownWebhookSecrets(WebhookSubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    private record Known(long storeId, long until) {
    }

    public Optional<Long> storeOf(String secret) {
        if (!WebhookSecrets.wellFormed(secret)) {
            return Optional.empty();
        }
        String hash = WebhookSecrets.hash(secret);
        long now = System.nanoTime();
        Known remembered = known.get(hash);
        if (remembered != null && remembered.until - now > 0) {
            return Optional.of(remembered.storeId);
        }
        Optional<Long> store = subscriptions.storeOfSecret(hash);
        if (store.isPresent()) {
            if (known.size() >= MAX_REMEMBERED) {
                known.clear();
            }
            known.put(hash, new Known(store.get(), now + REMEMBERED.toNanos()));
        } else {
            known.remove(hash);
        }
        return store;
    }
}
