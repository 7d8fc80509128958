package com.orderdesk.cartcom.kit.auth;

import java.util.Optional;

/**
 * Where a service keeps its stores' API key hashes (settings-service: its stores table; the importer: the store
 * snapshots). A service whose API takes store keys provides one bean of it. Called on a worker thread.
 */
public interface StoreKeyHashes {
    /** The SHA-256 hash of the store's API key; empty for a store that does not exist (or was deleted). */
    Optional<String> apiKeyHash(long storeId);
}
