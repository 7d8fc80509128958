package com.orderdesk.cartcom.poller.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.orderdesk.cartcom.model.cartcom.CartcomClient;
import com.orderdesk.cartcom.model.cartcom.CartcomEndpoints;
import com.orderdesk.cartcom.model.cartcom.CartcomException;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoreAccessTest {
    private final StoreAccess access = new StoreAccess(
            new CartcomClient(new CartcomEndpoints("https://{domain}/api/v1", false), Duration.ofSeconds(1), Duration.ofSeconds(1)),
            TokenCrypto.fromConfig(TokenCrypto.newKeySpec("k"), "k"));
    private final StoreIntegrationChanged shop = new StoreIntegrationChanged(UUID.randomUUID(), StoreIntegrationChanged.TYPE, 1,
            Instant.now(), 7, 1, true, true, "shop.example.com", "x", "k", null, null, 5, List.of(1L), 1L, null, null, false, "",
            List.of());

    @Test
    void nextPageIsReRootedOnTheStoresOwnApi() {
        assertEquals("https://shop.example.com/api/v1/orders?count=100&page=2",
                access.nextPageUrl(shop, "https://shop.example.com/api/v1/orders?count=100&page=2"));
        // Cart.com behind a proxy may spell scheme or host differently: the path and query are what count.
        assertEquals("https://shop.example.com/api/v1/orders?sort=updated_at&page=3",
                access.nextPageUrl(shop, "http://SHOP.example.com:80/api/v1/orders?sort=updated_at&page=3"));
        // Never elsewhere: the token goes only to the configured store API.
        assertEquals("https://shop.example.com/api/v1/orders?page=2",
                access.nextPageUrl(shop, "https://evil.example.net/api/v1/orders?page=2"));
    }

    @Test
    void aNextPageOutsideTheApiIsRejected() {
        assertThrows(CartcomException.class, () -> access.nextPageUrl(shop, "https://shop.example.com/admin/export?page=2"));
        assertThrows(CartcomException.class, () -> access.nextPageUrl(shop, "https://shop.example.com/api/v1/../admin?page=2"));
        assertThrows(CartcomException.class, () -> access.nextPageUrl(shop, "not a url at all"));
    }
}
