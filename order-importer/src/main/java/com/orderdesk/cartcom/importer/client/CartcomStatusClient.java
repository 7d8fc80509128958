package com.orderdesk.cartcom.importer.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.kit.budget.CallKind;
import com.orderdesk.cartcom.kit.cartcom.CartcomException;
import com.orderdesk.cartcom.kit.cartcom.CartcomStoreApi;
import com.orderdesk.cartcom.kit.cartcom.StoreApis;
import com.orderdesk.cartcom.kit.snapshot.StoreSnapshots;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Opens a store's Cart.com connection for the status worker, from the store snapshot ({@link StoreApis} opens the
 * token, which stays inside the connection object). Failures surface as {@link CartcomException} (classified
 * retryable or not), {@link StoreNotConnectedException} or a token decryption failure.
 */
@ApplicationScoped
public class CartcomStatusClient {
    private final StoreSnapshots snapshots;
    private final StoreApis apis;

    CartcomStatusClient(StoreSnapshots snapshots, StoreApis apis) {
        this.snapshots = snapshots;
        this.apis = apis;
    }

    public StoreConnection open(long storeId) {
        StoreIntegrationChanged store = snapshots.find(storeId)
                .orElseThrow(() -> new StoreNotConnectedException("store " + storeId + " is deleted or unknown"));
        if (!store.connected() || store.encryptedToken() == null || store.domain() == null) {
            throw new StoreNotConnectedException("store " + storeId + " is not connected to Cart.com");
        }
        // Acknowledgements are what the merchant's customers see; a store without a slot now is left for another.
        return new StoreConnection(apis.openRefusingWhenSpent(store, CallKind.CUSTOMER_VISIBLE), store.downloadStatusIds());
    }

    /**
     * One store's connection, with the statuses its orders are downloaded in (the ones we may move them out of). A
     * call the store's budget has no slot for fails with {@link CartcomException#budgetSpent}, saying when to come back.
     */
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
            JsonNode order = api.order(cartOrderId, null);
            long status = order.path("order_status_id").asLong(0);
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
