package com.orderdesk.cartcom.shipments;

import com.orderdesk.cartcom.devstack.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the service at the test's Cart.com fake. The fake itself lives in the test class ({@link #port()}): Quarkus
 * may load this resource in another class loader than the test, so only a system property crosses over.
 */
public class CartcomFakeResource implements QuarkusTestResourceLifecycleManager {
    private static final String PORT_PROPERTY = "test.cartcom-fake.port";

    @Override
    public Map<String, String> start() {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            port = Integer.toString(FreePorts.find());
            System.setProperty(PORT_PROPERTY, port);
        }
        return Map.of("cartcom.base-url-template", "http://127.0.0.1:" + port + "/{domain}/api/v1",
                "cartcom.allow-insecure-base-url", "true");
    }

    @Override
    public void stop() {
    }

    public static int port() {
        return Integer.parseInt(System.getProperty(PORT_PROPERTY));
    }
}
