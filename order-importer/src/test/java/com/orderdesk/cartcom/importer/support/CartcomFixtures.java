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
        var sealed = token == null ? null : crypto.encrypt(storeId, token);
        return new StoreIntegrationChanged(UUID.randomUUID(), StoreIntegrationChanged.TYPE, 1, Instant.now(), storeId,
                version, true, true, domain(storeId), sealed == null ? null : sealed.ciphertext(),
                sealed == null ? null : sealed.keyId(), ApiKeys.hash(apiKey), "America/Chicago", 5, List.of(1L, 2L),
                PREPARED_FOLDER, afterImportStatusId, null, true, "CC-",
                List.of(new Folder(NEW_FOLDER, "New"), new Folder(PREPARED_FOLDER, "Prepared")));
    }

    public static String domain(long storeId) {
        return "shop-" + storeId + ".example.com";
    }
}
