package com.orderdesk.cartcom.poller.service;

import com.orderdesk.cartcom.model.cartcom.CartcomClient;
import com.orderdesk.cartcom.model.cartcom.CartcomException;
import com.orderdesk.cartcom.model.cartcom.CartcomStoreApi;
import com.orderdesk.cartcom.model.crypto.EncryptedToken;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Opens a store's API handle from its snapshot. The token is decrypted here, right before the calls, and lives
 * only inside the handle of this one poll; it is never logged.
 */
@ApplicationScoped
public class StoreAccess {
    private final CartcomClient client;
    private final TokenCrypto crypto;

    public StoreAccess(CartcomClient client, TokenCrypto crypto) {
        this.client = client;
        this.crypto = crypto;
    }

    /** Throws TokenDecryptionException if the sealed token does not open (wrong key, other store). */
    public CartcomStoreApi open(StoreIntegrationChanged snapshot) {
        String token = crypto.decrypt(snapshot.storeId(), new EncryptedToken(snapshot.keyId(), snapshot.encryptedToken()));
        return client.store(snapshot.domain(), token);
    }

    /**
     * Cart.com's absolute next_page URL, re-rooted on the store's configured API base: only its path (which must
     * lie under the API) and query are kept, so the token is never sent to a host the page named, and a scheme
     * or host spelled differently by Cart.com does not break paging.
     */
    public String nextPageUrl(StoreIntegrationChanged snapshot, String nextPage) {
        URI base = client.endpoints().baseUri(snapshot.domain());
        URI next;
        try {
            next = URI.create(nextPage.trim());
        } catch (IllegalArgumentException e) {
            throw malformedNextPage();
        }
        String basePath = base.getRawPath().endsWith("/") ? base.getRawPath() : base.getRawPath() + "/";
        if (next.getRawPath() == null || !next.getRawPath().startsWith(basePath) || next.getRawPath().contains("..")) {
            throw malformedNextPage();
        }
        String origin = base.getScheme() + "://" + base.getRawAuthority();
        return origin + next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
    }

    private static CartcomException malformedNextPage() {
        return new CartcomException(CartcomException.Kind.MALFORMED_RESPONSE, 200,
                "unexpected response: next_page outside the store's API", null, null);
    }

    /** Cart.com datetimes without an offset are the store's local time. */
    public static ZoneId zoneOf(StoreIntegrationChanged snapshot) {
        try {
            return snapshot.timezone() == null || snapshot.timezone().isBlank() ? ZoneOffset.UTC : ZoneId.of(snapshot.timezone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
