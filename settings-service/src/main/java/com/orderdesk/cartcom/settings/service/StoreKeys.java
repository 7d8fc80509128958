package com.orderdesk.cartcom.settings.service;

import com.orderdesk.cartcom.model.auth.ApiKeys;
import com.orderdesk.cartcom.settings.entity.Store;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks a store's API key against the stored hash. */
@ApplicationScoped
public class StoreKeys {

    public boolean matches(long storeId, String apiKey) {
        String hash = QuarkusTransaction.joiningExisting().call(() -> {
            Store store = Store.findById(storeId);
            return store == null ? null : store.apiKeyHash;
        });
        return ApiKeys.matches(apiKey, hash);
    }
}
