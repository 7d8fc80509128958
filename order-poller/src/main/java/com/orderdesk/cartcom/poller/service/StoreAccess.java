package com.orderdesk.cartcom.poller.service;

import com.orderdesk.cartcom.model.cartcom.CartcomClient;
import com.orderdesk.cartcom.model.cartcom.CartcomStoreApi;
import com.orderdesk.cartcom.model.crypto.EncryptedToken;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import jakarta.enterprise.context.ApplicationScoped;
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

    /** Cart.com datetimes without an offset are the store's local time. */
    public static ZoneId zoneOf(StoreIntegrationChanged snapshot) {
        try {
            return snapshot.timezone() == null || snapshot.timezone().isBlank() ? ZoneOffset.UTC : ZoneId.of(snapshot.timezone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
