package com.orderdesk.cartcom.shipments.client;

import com.orderdesk.cartcom.model.cartcom.CartcomClient;
import com.orderdesk.cartcom.model.cartcom.CartcomStoreApi;
import com.orderdesk.cartcom.model.crypto.EncryptedToken;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Opens a store's Cart.com API for one unit of work. The token is decrypted here, at the moment of use, and
 * lives only inside the returned handle: it is never stored, logged or returned elsewhere.
 */
@ApplicationScoped
public class CartcomStores {
    private final CartcomClient client;
    private final TokenCrypto crypto;

    CartcomStores(CartcomClient client, TokenCrypto crypto) {
        this.client = client;
        this.crypto = crypto;
    }

    /** @throws com.orderdesk.cartcom.model.crypto.TokenDecryptionException when the sealed token does not open */
    public CartcomStoreApi open(StoreIntegrationChanged store) {
        String token = crypto.decrypt(store.storeId(), new EncryptedToken(store.keyId(), store.encryptedToken()));
        return client.store(store.domain(), token);
    }
}
