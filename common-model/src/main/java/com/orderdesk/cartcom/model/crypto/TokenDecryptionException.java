package com.orderdesk.cartcom.model.crypto;

/** A sealed token that cannot be opened: a missing key, a token of another store, or tampering. */
public class TokenDecryptionException extends RuntimeException {
    public TokenDecryptionException(String message) {
        super(message);
    }

    public TokenDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
