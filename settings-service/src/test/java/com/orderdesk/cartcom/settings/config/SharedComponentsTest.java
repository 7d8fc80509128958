package com.orderdesk.cartcom.settings.config;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.orderdesk.cartcom.settings.support.StaticCartcomConfig;
import org.junit.jupiter.api.Test;

/** Only the explicit dev/test setting lets the service call a non-https base URL such as the sandbox's. */
class SharedComponentsTest {
    private static final String SANDBOX = "http://127.0.0.1:8089/{domain}/api/v1";

    @Test
    void theSandboxBaseUrlIsRefusedWithoutTheInsecureSetting() {
        assertThrows(IllegalArgumentException.class,
                () -> new SharedComponents().cartcomClient(new StaticCartcomConfig(SANDBOX, false)));
    }

    @Test
    void theInsecureSettingAllowsIt() {
        assertNotNull(new SharedComponents().cartcomClient(new StaticCartcomConfig(SANDBOX, true)));
    }
}
