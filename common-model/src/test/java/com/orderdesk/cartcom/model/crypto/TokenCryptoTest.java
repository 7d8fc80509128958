package com.orderdesk.cartcom.model.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenCryptoTest {
    private static final String TOKEN = "4f9a1c2d3e4f5a6b7c8d9e0f1a2b3c4d";

    @Test
    void sealsAndOpens() {
        TokenCrypto crypto = TokenCrypto.fromConfig(TokenCrypto.newKeySpec("k1"), "k1");
        EncryptedToken sealed = crypto.encrypt(7, "acme.com", TOKEN);
        assertEquals("k1", sealed.keyId());
        assertFalse(new String(Base64.getDecoder().decode(sealed.ciphertext())).contains(TOKEN));
        assertEquals(TOKEN, crypto.decrypt(7, "acme.com", sealed));
    }

    @Test
    void eachSealingIsDifferentBecauseOfAFreshIv() {
        TokenCrypto crypto = TokenCrypto.fromConfig(TokenCrypto.newKeySpec("k1"), "k1");
        assertNotEquals(crypto.encrypt(7, "acme.com", TOKEN).ciphertext(), crypto.encrypt(7, "acme.com", TOKEN).ciphertext());
    }

    @Test
    void aTokenCopiedToAnotherStoreDoesNotOpen() {
        TokenCrypto crypto = TokenCrypto.fromConfig(TokenCrypto.newKeySpec("k1"), "k1");
        EncryptedToken sealed = crypto.encrypt(7, "acme.com", TOKEN);
        assertThrows(TokenDecryptionException.class, () -> crypto.decrypt(8, "acme.com", sealed));
    }

    /** A snapshot that pairs the token with another domain would send it there: it does not open. */
    @Test
    void aTokenPairedWithAnotherDomainDoesNotOpen() {
        TokenCrypto crypto = TokenCrypto.fromConfig(TokenCrypto.newKeySpec("k1"), "k1");
        EncryptedToken sealed = crypto.encrypt(7, "acme.com", TOKEN);
        assertThrows(TokenDecryptionException.class, () -> crypto.decrypt(7, "attacker.example", sealed));
        assertEquals(TOKEN, crypto.decrypt(7, "ACME.com", sealed), "the domain as a host name: case does not matter");
    }

    @Test
    void tamperingIsDetected() {
        TokenCrypto crypto = TokenCrypto.fromConfig(TokenCrypto.newKeySpec("k1"), "k1");
        EncryptedToken sealed = crypto.encrypt(7, "acme.com", TOKEN);
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[bytes.length - 1] ^= 1;
        EncryptedToken tampered = new EncryptedToken("k1", Base64.getEncoder().encodeToString(bytes));
        assertThrows(TokenDecryptionException.class, () -> crypto.decrypt(7, "acme.com", tampered));
    }

    @Test
    void rotationKeepsOldTokensReadable() {
        String oldKey = TokenCrypto.newKeySpec("k1");
        EncryptedToken sealedWithOld = TokenCrypto.fromConfig(oldKey, "k1").encrypt(7, "acme.com", TOKEN);
        TokenCrypto rotated = TokenCrypto.fromConfig(oldKey + "," + TokenCrypto.newKeySpec("k2"), "k2");
        assertEquals(TOKEN, rotated.decrypt(7, "acme.com", sealedWithOld));
        assertEquals("k2", rotated.encrypt(7, "acme.com", TOKEN).keyId());
    }

    @Test
    void unknownKeyIdIsAClearError() {
        TokenCrypto crypto = TokenCrypto.fromConfig(TokenCrypto.newKeySpec("k1"), "k1");
        assertThrows(TokenDecryptionException.class, () -> crypto.decrypt(7, "acme.com", new EncryptedToken("k9", "AAAA")));
    }

    @Test
    void badConfigurationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TokenCrypto.fromConfig("k1:" + Base64.getEncoder()
                .encodeToString(new byte[16]), "k1"));
        assertThrows(IllegalArgumentException.class, () -> TokenCrypto.fromConfig(TokenCrypto.newKeySpec("k1"), "k2"));
        assertThrows(IllegalArgumentException.class, () -> TokenCrypto.fromConfig("", "k1"));
    }
}
