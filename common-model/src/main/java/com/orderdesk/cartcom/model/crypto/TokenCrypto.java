package com.orderdesk.cartcom.model.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals Cart.com access tokens at rest and in the store snapshot with AES-256-GCM.
 * Several keys may be configured by id so keys can be rotated: new tokens are sealed with the active key,
 * old ones still open with the key id they carry. The store id and the store's domain are bound in as associated
 * data, so a sealed token copied onto another store, or paired with another domain (where the token would be sent),
 * does not open.
 */
public final class TokenCrypto {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    public TokenCrypto(Map<String, byte[]> keysById, String activeKeyId) {
        if (keysById.isEmpty()) {
            throw new IllegalArgumentException("no token keys configured");
        }
        Map<String, SecretKey> parsed = new LinkedHashMap<>();
        keysById.forEach((id, key) -> {
            if (key.length != 32) {
                throw new IllegalArgumentException("token key " + id + " is not 256 bits");
            }
            parsed.put(id, new SecretKeySpec(key, "AES"));
        });
        if (!parsed.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("active token key id " + activeKeyId + " is not among the keys");
        }
        this.keys = Map.copyOf(parsed);
        this.activeKeyId = activeKeyId;
    }

    /**
     * Reads keys as configured: {@code id1:base64,id2:base64} (the form of {@code cartcom.token-keys}).
     */
    public static TokenCrypto fromConfig(String keysSpec, String activeKeyId) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : keysSpec.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("token key entries look like id:base64");
            }
            keys.put(trimmed.substring(0, colon), Base64.getDecoder().decode(trimmed.substring(colon + 1)));
        }
        return new TokenCrypto(keys, activeKeyId);
    }

    /** A fresh random key in the configuration form, for the local stack and tests. */
    public static String newKeySpec(String keyId) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return keyId + ":" + Base64.getEncoder().encodeToString(key);
    }

    public EncryptedToken encrypt(long storeId, String domain, String token) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(storeId, domain));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return new EncryptedToken(activeKeyId, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("token encryption failed", e);
        }
    }

    public String decrypt(long storeId, String domain, EncryptedToken sealed) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new TokenDecryptionException("unknown token key id " + sealed.keyId());
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.ciphertext());
            if (in.length <= IV_BYTES) {
                throw new TokenDecryptionException("sealed token too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(associatedData(storeId, domain));
            byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TokenDecryptionException("sealed token does not open with key " + sealed.keyId(), e);
        }
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /** Whether a token sealed with {@code keyId} can be opened here at all (a key this service was given). */
    public boolean knowsKey(String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    private static byte[] associatedData(long storeId, String domain) {
        String host = domain == null ? "" : domain.trim().toLowerCase(Locale.ROOT);
        return ("cartcom-token:store:" + storeId + ":domain:" + host).getBytes(StandardCharsets.UTF_8);
    }
}
