package com.orderdesk.cartcom.kit.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InsecureBaseUrlGuardTest {

    @Test
    void theProdProfileRefusesTheInsecureBaseUrl() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> InsecureBaseUrlGuard.refuseInProd(true, true));
        assertTrue(refused.getMessage().contains("refused under the prod profile"), refused.getMessage());
        assertDoesNotThrow(() -> InsecureBaseUrlGuard.refuseInProd(false, true));
        assertDoesNotThrow(() -> InsecureBaseUrlGuard.refuseInProd(true, false));
    }
}
