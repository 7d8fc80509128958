package com.orderdesk.cartcom.importer.client;

import com.orderdesk.cartcom.model.cartcom.CartcomClient;
import com.orderdesk.cartcom.model.cartcom.CartcomException;
import com.orderdesk.cartcom.model.cartcom.CartcomStoreApi;
import com.orderdesk.cartcom.model.crypto.EncryptedToken;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.snapshot.StoreSnapshots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Opens a store's Cart.com connection for the status worker. The token is opened from the store snapshot and
 * stays inside the connection object. Failures surface as {@link CartcomException} (classified retryable or not),
 * {@link StoreNotConnectedException} or a token decryption failure.
 */
@ApplicationScoped
public class CartcomStatusClient {
    @Inject
    StoreSnapshots snapshots;
    @Inject
    TokenCrypto crypto;
    @Inject
    CartcomClient cartcom;

    public StoreConnection open(long storeId) {
        StoreIntegrationChanged store = snapshots.find(storeId)
                .orElseThrow(() -> new StoreNotConnectedException("store " + storeId + " is deleted or unknown"));
        if (!store.connected() || store.encryptedToken() == null || store.domain() == null) {
            throw new StoreNotConnectedException("store " + storeId + " is not connected to Cart.com");
        }
        String token = crypto.decrypt(storeId, new EncryptedToken(store.keyId(), store.encryptedToken()));
        return new StoreConnection(cartcom.store(store.domain(), token), store.downloadStatusIds());
    }

    /** One store's connection, with the statuses its orders are downloaded in (the ones we may move them out of). */
    public static final class StoreConnection {
        private final CartcomStoreApi api;
        private final List<Long> downloadStatusIds;

        StoreConnection(CartcomStoreApi api, List<Long> downloadStatusIds) {
            this.api = api;
            this.downloadStatusIds = downloadStatusIds;
        }

        public void setOrderStatus(long cartOrderId, long statusId) {
            api.setOrderStatus(cartOrderId, statusId);
        }

        /** The order's status at Cart.com now. */
        public long currentStatus(long cartOrderId) {
            long status = api.order(cartOrderId, null).path("order_status_id").asLong(0);
            if (status <= 0) {
                throw new CartcomException(CartcomException.Kind.MALFORMED_RESPONSE, 200,
                        "order " + cartOrderId + " came without order_status_id", null, null);
            }
            return status;
        }

        public boolean isDownloadStatus(long statusId) {
            return downloadStatusIds.contains(statusId);
        }
    }

    /** The store has no usable Cart.com connection any more: nothing to retry until a merchant reconnects. */
    public static class StoreNotConnectedException extends RuntimeException {
        public StoreNotConnectedException(String message) {
            super(message);
        }
    }
}
