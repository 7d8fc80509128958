package com.orderdesk.cartcom.model.crypto;

/** An access token sealed with AES-256-GCM: {@code base64(iv || ciphertext || tag)} under key {@link #keyId()}. */
public record EncryptedToken(String keyId, String ciphertext) {
    @Override
    public String toString() {
        // Never print even the ciphertext into logs by accident; it is not secret but needs no spreading.
        return "EncryptedToken[keyId=" + keyId + "]";
    }
}
