package com.orderdesk.cartcom.poller.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The public webhook base: https only (the secret is in the path); plain http only on this machine for the sandbox. */
class WebhookUrlsTest {

    @Test
    void anHttpsBaseMakesTheStoresAddressAndReadsItsSecretBack() {
        WebhookUrls urls = new WebhookUrls(" https://hooks.example.com/ ", false);
        assertEquals("https://hooks.example.com/webhooks/cartcom/s3cret", urls.of("s3cret"));
        assertEquals(Optional.of("s3cret"), urls.secretOf("https://hooks.example.com/webhooks/cartcom/s3cret"));
        assertEquals(Optional.empty(), urls.secretOf("https://elsewhere.example.com/webhooks/cartcom/s3cret"));
    }

    @Test
    void plainHttpOnlyOnALoopbackHostWithTheSandboxSwitch() {
        assertEquals("http://127.0.0.1:8082/webhooks/cartcom/x", new WebhookUrls("http://127.0.0.1:8082", true).of("x"));
        assertEquals("http://localhost:8082/webhooks/cartcom/x", new WebhookUrls("http://localhost:8082/", true).of("x"));
        IllegalArgumentException notLocal = assertThrows(IllegalArgumentException.class,
                () -> new WebhookUrls("http://hooks.example.com", true));
        assertTrue(notLocal.getMessage().contains("cartcom.public-webhook-base-url must use https"), notLocal.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WebhookUrls("http://127.0.0.1:8082", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hooks.example.com", "/webhooks", "ftp://hooks.example.com", "https://user:pw@hooks.example.com",
            "https://hooks.example.com/?a=1", "https://hooks.example.com/#x", "https://hooks example.com"})
    void anythingButAPlainHttpsUrlIsRefusedNamingTheSetting(String base) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new WebhookUrls(base, true));
        assertTrue(refused.getMessage().startsWith("cartcom.public-webhook-base-url"), refused.getMessage());
    }
}
