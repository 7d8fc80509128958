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
        return open(store.storeId(), store.domain(), new EncryptedToken(store.keyId(), store.encryptedToken()));
    }

    /** The same from a sealed token kept elsewhere (settings-service's connection row). */
    public CartcomStoreApi open(long storeId, String domain, EncryptedToken sealed) {
        return client.store(domain, crypto.decrypt(storeId, domain, sealed));
    }
}
