package com.orderdesk.cartcom.importer.client;

import com.orderdesk.cartcom.model.cartcom.CartcomClient;
import com.orderdesk.cartcom.model.crypto.EncryptedToken;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.snapshot.StoreSnapshots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sets a Cart.com order's status for a store. The token is opened from the store snapshot only for the call
 * and never leaves this method. Failures surface as {@link com.orderdesk.cartcom.model.cartcom.CartcomException}
 * (classified retryable or not) or {@link StoreNotConnectedException}.
 */
@ApplicationScoped
public class CartcomStatusClient {
    @Inject
    StoreSnapshots snapshots;
    @Inject
    TokenCrypto crypto;
    @Inject
    CartcomClient cartcom;

    public void setOrderStatus(long storeId, long cartOrderId, long statusId) {
        StoreIntegrationChanged store = snapshots.find(storeId)
                .orElseThrow(() -> new StoreNotConnectedException("store " + storeId + " is deleted or unknown"));
        if (!store.connected() || store.encryptedToken() == null || store.domain() == null) {
            throw new StoreNotConnectedException("store " + storeId + " is not connected to Cart.com");
        }
        String token = crypto.decrypt(storeId, new EncryptedToken(store.keyId(), store.encryptedToken()));
        cartcom.store(store.domain(), token).setOrderStatus(cartOrderId, statusId);
    }

    /** The store has no usable Cart.com connection any more: nothing to retry until a merchant reconnects. */
    public static class StoreNotConnectedException extends RuntimeException {
        public StoreNotConnectedException(String message) {
            super(message);
        }
    }
}
