package com.orderdesk.cartcom.importer.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.cartcom.model.auth.ApiKeys;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.Folder;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Real-shaped Cart.com JSON (from the API docs' samples) and store snapshots for tests. */
public final class CartcomFixtures {
    public static final long NEW_FOLDER = 71;
    public static final long PREPARED_FOLDER = 72;

    private CartcomFixtures() {
    }

    public static ObjectNode json(String name) {
        try (InputStream in = CartcomFixtures.class.getResourceAsStream("/cartcom/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample order as the poller publishes it, renumbered to {@code cartOrderId}. */
    public static CartOrderFetched fetched(long storeId, long cartOrderId, UUID importId) {
        ObjectNode order = json("order.json");
        order.put("id", cartOrderId);
        order.withArray("items").forEach(item -> ((ObjectNode) item).put("order_id", cartOrderId));
        order.withArray("payments").forEach(p -> ((ObjectNode) p).put("order_id", cartOrderId));
        return CartOrderFetched.of(storeId, cartOrderId, importId, order, json("shipping-address.json"),
                json("billing-address.json"), json("customer.json"));
    }

    /** A connected, enabled store: folder "Prepared" for new orders, prefix "CC-", after-import status 3. */
    public static StoreIntegrationChanged store(long storeId, long version, String apiKey, String token,
                                                TokenCrypto crypto, Long afterImportStatusId) {
        return store(storeId, version, apiKey, domain(storeId), token, crypto, afterImportStatusId, "CC-");
    }

    /** A connected, enabled store at {@code domain} (e.g. a sandbox store) with the given prefix. */
    public static StoreIntegrationChanged store(long storeId, long version, String apiKey, String domain, String token,
                                                TokenCrypto crypto, Long afterImportStatusId, String prefix) {
        var sealed = token == null ? null : crypto.encrypt(storeId, domain, token);
        return new StoreIntegrationChanged(UUID.randomUUID(), StoreIntegrationChanged.TYPE, 1, Instant.now(), storeId,
                version, true, true, domain, sealed == null ? null : sealed.ciphertext(),
                sealed == null ? null : sealed.keyId(), ApiKeys.hash(apiKey), "America/Chicago", 5, List.of(1L, 2L),
                PREPARED_FOLDER, afterImportStatusId, null, true, prefix,
                List.of(new Folder(NEW_FOLDER, "New"), new Folder(PREPARED_FOLDER, "Prepared")));
    }

    /** The same store after the merchant disconnected it from Cart.com: no token, not connected, a newer version. */
    public static StoreIntegrationChanged disconnected(StoreIntegrationChanged s) {
        return new StoreIntegrationChanged(UUID.randomUUID(), s.eventType(), s.schemaVersion(), Instant.now(), s.storeId(),
                s.version() + 1, false, s.enabled(), s.domain(), null, null, s.apiKeyHash(), s.timezone(),
                s.checkIntervalMinutes(), s.downloadStatusIds(), s.folderId(), s.afterImportStatusId(),
                s.afterShipmentStatusId(), s.syncTrackingNumbers(), s.orderPrefix(), s.folders());
    }

    public static String domain(long storeId) {
        return "shop-" + storeId + ".example.com";
    }
}
