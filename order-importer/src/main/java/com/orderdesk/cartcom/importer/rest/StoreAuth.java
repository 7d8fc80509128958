package com.orderdesk.cartcom.importer.rest;

import com.orderdesk.cartcom.model.auth.ApiKeys;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.snapshot.StoreSnapshots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/**
 * Checks Order Desk's store headers against the API key hash in the store snapshot, so this service needs no
 * call to settings-service. A missing or wrong key is 401; a right key on another store's path is 403.
 */
@ApplicationScoped
public class StoreAuth {
    @Inject
    StoreSnapshots snapshots;

    public void requireStore(long pathStoreId, HttpHeaders headers) {
        String storeHeader = headers.getHeaderString(ApiKeys.STORE_ID_HEADER);
        String apiKey = headers.getHeaderString(ApiKeys.API_KEY_HEADER);
        if (storeHeader == null || storeHeader.isBlank() || apiKey == null || apiKey.isBlank()) {
            throw ApiException.unauthorized("send " + ApiKeys.STORE_ID_HEADER + " and " + ApiKeys.API_KEY_HEADER);
        }
        long callerStoreId;
        try {
            callerStoreId = Long.parseLong(storeHeader.trim());
        } catch (NumberFormatException e) {
            throw ApiException.unauthorized("invalid store id or API key");
        }
        Optional<StoreIntegrationChanged> store = snapshots.find(callerStoreId);
        if (store.isEmpty() || !ApiKeys.matches(apiKey.trim(), store.get().apiKeyHash())) {
            throw ApiException.unauthorized("invalid store id or API key");
        }
        if (callerStoreId != pathStoreId) {
            throw ApiException.forbidden("this API key does not open store " + pathStoreId);
        }
    }
}
