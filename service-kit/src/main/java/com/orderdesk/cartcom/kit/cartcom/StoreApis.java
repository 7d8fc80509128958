package com.orderdesk.cartcom.kit.cartcom;

import com.orderdesk.cartcom.kit.budget.CallBudget;
import com.orderdesk.cartcom.kit.budget.CallKind;
import com.orderdesk.cartcom.kit.config.CartcomConfig;
import com.orderdesk.cartcom.model.crypto.EncryptedToken;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Opens a store's Cart.com API from its snapshot for one unit of work. The token is decrypted here, at the moment of
 * use, and lives only inside the returned handle: it is never stored, logged or returned elsewhere. Every call of the
 * handle takes a slot of its kind from the store's shared call budget first.
 */
@ApplicationScoped
public class StoreApis {
    private final CartcomClient client;
    private final TokenCrypto crypto;
    private final CallBudget budget;
    private final Duration waitInPlace;

    StoreApis(CartcomClient client, TokenCrypto crypto, CallBudget budget, CartcomConfig config) {
        this.client = client;
        this.crypto = crypto;
        this.budget = budget;
        this.waitInPlace = config.budget().waitInPlace();
    }

    /**
     * A handle whose calls wait for their slot (up to {@code cartcom.budget.wait-in-place}): for work that goes on
     * with the same store (a poll's pages, a connection check).
     * @throws com.orderdesk.cartcom.model.crypto.TokenDecryptionException when the sealed token does not open
     */
    public CartcomStoreApi open(StoreIntegrationChanged store, CallKind kind) {
        return open(store.storeId(), store.domain(), new EncryptedToken(store.keyId(), store.encryptedToken()), kind);
    }

    /** The same from a sealed token kept elsewhere (settings-service's connection row, a webhook subscription). */
    public CartcomStoreApi open(long storeId, String domain, EncryptedToken sealed, CallKind kind) {
        return opened(storeId, domain, sealed).budgeted(budget, kind, waitInPlace);
    }

    /**
     * A handle whose calls fail at once with {@link CartcomException#budgetSpent} when the store has no slot now: for
     * workers with queues of their own (status updates, shipments) that turn to another store meanwhile.
     */
    public CartcomStoreApi openRefusingWhenSpent(StoreIntegrationChanged store, CallKind kind) {
        return opened(store.storeId(), store.domain(), new EncryptedToken(store.keyId(), store.encryptedToken()))
                .budgeted(budget, kind, Duration.ZERO);
    }

    /** A token not sealed yet (a connection being checked), on the Cart.com store's budget all the same. */
    public CartcomStoreApi withToken(String domain, String token, CallKind kind) {
        return client.store(domain, token).budgeted(budget, kind, waitInPlace);
    }

    private CartcomStoreApi opened(long storeId, String domain, EncryptedToken sealed) {
        return client.store(domain, crypto.decrypt(storeId, domain, sealed));
    }
}
