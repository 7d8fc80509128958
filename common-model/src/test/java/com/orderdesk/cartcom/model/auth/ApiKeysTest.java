package com.orderdesk.cartcom.model.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
    @Test
    void keysAreRandomAndAtLeast128Bits() {
        String key = ApiKeys.generate();
        assertTrue(Base64.getUrlDecoder().decode(key).length * 8 >= 128);
        assertNotEquals(key, ApiKeys.generate());
    }

    @Test
    void onlyTheRightKeyMatchesItsHash() {
        String key = ApiKeys.generate();
        String hash = ApiKeys.hash(key);
        assertFalse(hash.contains(key));
        assertTrue(ApiKeys.matches(key, hash));
        assertFalse(ApiKeys.matches(ApiKeys.generate(), hash));
        assertFalse(ApiKeys.matches("", hash));
        assertFalse(ApiKeys.matches(null, hash));
        assertFalse(ApiKeys.matches(key, null));
    }
}
