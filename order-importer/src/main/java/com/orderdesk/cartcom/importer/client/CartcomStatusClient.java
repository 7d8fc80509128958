package com.orderdesk.cartcom.importer.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.kit.cartcom.CartcomException;
import com.orderdesk.cartcom.kit.cartcom.CartcomStoreApi;
import com.orderdesk.cartcom.kit.cartcom.StoreApis;
import com.orderdesk.cartcom.kit.snapshot.StoreSnapshots;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Opens a store's Cart.com connection for the status worker, from the store snapshot ({@link StoreApis} opens the
 * token, which stays inside the connection object). Failures surface as {@link CartcomException} (classified
 * retryable or not), {@link StoreNotConnectedException} or a token decryption failure.
 */
@ApplicationScoped
public class CartcomStatusClient {
    private final StoreSnapshots snapshots;
    private final StoreApis apis;
    private final CallWindows windows;

    CartcomStatusClient(StoreSnapshots snapshots, StoreApis apis, CallWindows windows) {
        this.snapshots = snapshots;
        this.apis = apis;
        this.windows = windows;
    }

    public StoreConnection open(long storeId) {
        StoreIntegrationChanged store = snapshots.find(storeId)
                .orElseThrow(() -> new StoreNotConnectedException("store " + storeId + " is deleted or unknown"));
        if (!store.connected() || store.encryptedToken() == null || store.domain() == null) {
            throw new StoreNotConnectedException("store " + storeId + " is not connected to Cart.com");
        }
        return new StoreConnection(storeId, apis.open(store), store.downloadStatusIds(), windows);
    }

    /**
     * One store's connection, with the statuses its orders are downloaded in (the ones we may move them out of), and
     * what its answers said of the store's call window.
     */
    public static final class StoreConnection {
        private final long storeId;
        private final CartcomStoreApi api;
        private final List<Long> downloadStatusIds;
        private final CallWindows windows;

        StoreConnection(long storeId, CartcomStoreApi api, List<Long> downloadStatusIds, CallWindows windows) {
            this.storeId = storeId;
            this.api = api;
            this.downloadStatusIds = downloadStatusIds;
            this.windows = windows;
        }

        public void setOrderStatus(long cartOrderId, long statusId) {
            api.setOrderStatus(cartOrderId, statusId);
            noteCallLimit();
        }

        /** The order's status at Cart.com now. */
        public long currentStatus(long cartOrderId) {
            JsonNode order = api.order(cartOrderId, null);
            noteCallLimit();
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

        /**
         * When the store's call window ends, if the last answer said it is used up and it is known when the window
         * opened: the next call would only be answered 429 (see {@link CallWindows}).
         */
        public Optional<Instant> windowUsedUpUntil(Duration window) {
            return windows.usedUpUntil(storeId, api.lastCallLimit(), window);
        }

        private void noteCallLimit() {
            windows.answered(storeId, api.lastCallLimit());
        }
    }

    /** The store has no usable Cart.com connection any more: nothing to retry until a merchant reconnects. */
    public static class StoreNotConnectedException extends RuntimeException {
        public StoreNotConnectedException(String message) {
            super(message);
        }
    }
}
