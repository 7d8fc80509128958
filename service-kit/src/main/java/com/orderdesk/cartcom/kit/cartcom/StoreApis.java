package com.orderdesk.cartcom.kit.cartcom;

import com.orderdesk.cartcom.model.crypto.EncryptedToken;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Opens a store's Cart.com API from its snapshot for one unit of work. The token is decrypted here, at the moment of
 * use, and lives only inside the returned handle: it is never stored, logged or returned elsewhere.
 */
@ApplicationScoped
public class StoreApis {
    private final CartcomClient client;
    private final TokenCrypto crypto;

    StoreApis(CartcomClient client, TokenCrypto crypto) {
        this.client = client;
        this.crypto = crypto;
    }

    /** @throws com.orderdesk.cartcom.model.crypto.TokenDecryptionException when the sealed token does not open */
    public CartcomStoreApi open(StoreIntegrationChanged store) {
        String token = crypto.decrypt(store.storeId(), new EncryptedToken(store.keyId(), store.encryptedToken()));
        return client.store(store.domain(), token);
    }
}
