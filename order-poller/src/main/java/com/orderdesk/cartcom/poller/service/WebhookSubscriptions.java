package com.orderdesk.cartcom.poller.service;

import com.orderdesk.cartcom.kit.config.CartcomConfig;
import com.orderdesk.cartcom.model.crypto.EncryptedToken;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.poller.repository.WebhookSubscription;
import com.orderdesk.cartcom.poller.repository.WebhookSubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps what webhook subscriptions should exist in step with the store snapshots, in the snapshot's transaction: a
 * store that is connected and enabled (where a public webhook base URL is configured) should be subscribed; one that
 * is disabled, disconnected or deleted should not. {@link WebhookSubscriptionJob} then does it at Cart.com.
 */
@ApplicationScoped
public class WebhookSubscriptions {
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookSecrets secrets;
    private final boolean configured;

    public WebhookSubscriptions(WebhookSubscriptionRepository subscriptions, WebhookSecrets secrets, CartcomConfig cartcom) {
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.configured = cartcom.publicWebhookBaseUrl().filter(url -> !url.isBlank()).isPresent();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void follow(StoreIntegrationChanged snapshot) {
        Optional<WebhookSubscription> row = subscriptions.find(snapshot.storeId());
        if (!configured || !snapshot.active()) {
            row.ifPresent(r -> subscriptions.unwant(r.storeId()));
            return;
        }
        if (row.isEmpty()) {
            String secret = secrets.newSecret();
            EncryptedToken sealed = secrets.seal(snapshot.storeId(), secret);
            subscriptions.insertWanted(snapshot.storeId(), WebhookSecrets.hash(secret), sealed.ciphertext(), sealed.keyId(),
                    snapshot.domain(), snapshot.encryptedToken(), snapshot.keyId());
            return;
        }
        WebhookSubscription current = row.get();
        boolean credentialsChanged = !Objects.equals(current.domain(), snapshot.domain())
                || !Objects.equals(current.sealedToken(), snapshot.encryptedToken());
        subscriptions.want(snapshot.storeId(), snapshot.domain(), snapshot.encryptedToken(), snapshot.keyId(),
                !current.wanted() || credentialsChanged);
    }

    /** A tombstone: the store is gone; its subscription is removed with the credentials kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(long storeId) {
        subscriptions.find(storeId).ifPresent(r -> subscriptions.unwant(storeId));
    }
}
