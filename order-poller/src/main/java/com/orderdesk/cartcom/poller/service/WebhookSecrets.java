package com.orderdesk.cartcom.poller.service;

import com.orderdesk.cartcom.model.auth.ApiKeys;
import com.orderdesk.cartcom.model.crypto.EncryptedToken;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/**
 * The secret in a store's webhook URL: 256 random bits, so the URL cannot be guessed. Kept sealed with the token keys
 * (bound to the store, so one store's sealed secret does not open as another's) and looked up by its SHA-256.
 */
@ApplicationScoped
public class WebhookSecrets {
    /** What the crypto binds the sealed secret to, in place of a token's domain. */
    private static final String PURPOSE = "webhook-secret";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final TokenCrypto crypto;

    public WebhookSecrets(TokenCrypto crypto) {
        this.crypto = crypto;
    }

    /** Made and hashed like a store's API key (256 random bits, SHA-256): the same need, one implementation. */
    public String newSecret() {
        return ApiKeys.generate();
    }

    /** Whether the text could be a secret at all: anything else is refused without a lookup. */
    public static boolean wellFormed(String secret) {
        return secret != null && SHAPE.matcher(secret).matches();
    }

    public static String hash(String secret) {
        return ApiKeys.hash(secret);
    }

    public EncryptedToken seal(long storeId, String secret) {
        return crypto.encrypt(storeId, PURPOSE, secret);
    }

    public String open(long storeId, EncryptedToken sealed) {
        return crypto.decrypt(storeId, PURPOSE, sealed);
    }
}
