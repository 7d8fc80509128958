package com.orderdesk.cartcom.kit.auth;

import com.orderdesk.cartcom.model.auth.ApiKeys;
import java.util.Optional;

/**
 * Where a service keeps its stores' API key hashes (settings-service: its stores table; the importer: the store
 * snapshots). A service whose API takes store keys provides one bean of it. Called on a worker thread.
 */
public interface StoreKeyHashes {
    /** The SHA-256 hash of the store's API key; empty for a store that does not exist (or was deleted). */
    Optional<String> apiKeyHash(long storeId);

    /**
     * The store that {@code storeId} (as sent) names, if {@code apiKey} is its key, compared in constant time; empty
     * for a malformed id, a missing key, an unknown store and a wrong key alike, so a caller cannot tell them apart.
     */
    default Optional<Long> storeOf(String storeId, String apiKey) {
        if (storeId == null || apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(storeId.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<String> hash = apiKeyHash(id);
        return hash.isPresent() && ApiKeys.matches(apiKey.trim(), hash.get()) ? Optional.of(id) : Optional.empty();
    }
}
