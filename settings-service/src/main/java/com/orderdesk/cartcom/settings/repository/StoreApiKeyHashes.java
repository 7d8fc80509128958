package com.orderdesk.cartcom.settings.repository;

import com.orderdesk.cartcom.kit.auth.StoreKeyHashes;
import com.orderdesk.cartcom.settings.entity.Store;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The stores' API key hashes, as this service keeps them: on the store row (the kit's authentication checks keys). */
@ApplicationScoped
public class StoreApiKeyHashes implements StoreKeyHashes {

    @Override
    public Optional<String> apiKeyHash(long storeId) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> Store.<Store>findByIdOptional(storeId).map(store -> store.apiKeyHash));
    }
}
