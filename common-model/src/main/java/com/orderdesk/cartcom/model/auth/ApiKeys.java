package com.orderdesk.cartcom.model.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Order Desk store API keys: 256 random bits, shown once, kept only as a SHA-256 hash. A fast hash is
 * enough here (unlike for passwords) because the keys are random and long: there is nothing to guess.
 * The hash travels in the store snapshot so every service can check keys without calling settings-service.
 */
public final class ApiKeys {
    public static final String STORE_ID_HEADER = "ORDERDESK-STORE-ID";
    public static final String API_KEY_HEADER = "ORDERDESK-API-KEY";

    private static final SecureRandom RANDOM = new SecureRandom();

    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    public static String hash(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Compares in constant time so the answer's timing says nothing about how much of a key was right. */
    public static boolean matches(String presentedKey, String storedHash) {
        if (presentedKey == null || presentedKey.isEmpty() || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(presentedKey).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private ApiKeys() {
    }
}
