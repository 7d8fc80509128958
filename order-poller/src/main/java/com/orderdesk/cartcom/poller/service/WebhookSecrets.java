package com.orderdesk.cartcom.poller.service;

import com.orderdesk.cartcom.model.crypto.EncryptedToken;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
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
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenCrypto crypto;

    public WebhookSecrets(TokenCrypto crypto) {
        this.crypto = crypto;
    }

    public String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text could be a secret at all: anything else is refused without a lookup. */
    public static boolean wellFormed(String secret) {
        return secret != null && SHAPE.matcher(secret).matches();
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public EncryptedToken seal(long storeId, String secret) {
        return crypto.encrypt(storeId, PURPOSE, secret);
    }

    public String open(long storeId, EncryptedToken sealed) {
        return crypto.decrypt(storeId, PURPOSE, sealed);
    }
}
