package com.orderdesk.cartcom.settings.config;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.orderdesk.cartcom.kit.cartcom.CartcomClient;
import com.orderdesk.cartcom.kit.cartcom.CartcomEndpoints;
import com.orderdesk.cartcom.kit.config.CartcomConfig;
import com.orderdesk.cartcom.settings.support.StaticCartcomConfig;
import org.junit.jupiter.api.Test;

/**
 * Only the explicit dev/test setting lets the service call a non-https base URL such as the sandbox's. The client is
 * the kit's (KitProducers), built from the cartcom.* configuration as here.
 */
class CartcomClientWiringTest {
    private static final String SANDBOX = "http://127.0.0.1:8089/{domain}/api/v1";

    @Test
    void theSandboxBaseUrlIsRefusedWithoutTheInsecureSetting() {
        assertThrows(IllegalArgumentException.class, () -> client(new StaticCartcomConfig(SANDBOX, false)));
    }

    @Test
    void theInsecureSettingAllowsIt() {
        assertNotNull(client(new StaticCartcomConfig(SANDBOX, true)));
    }

    /** What KitProducers.cartcomClient does with the service's configuration. */
    private static CartcomClient client(CartcomConfig config) {
        return new CartcomClient(new CartcomEndpoints(config.baseUrlTemplate(), config.allowInsecureBaseUrl()),
                config.connectTimeout(), config.requestTimeout());
    }
}
