package com.orderdesk.cartcom.poller.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Points the application at {@link FakeCartcom}. The fake itself is started by the test code on first use, on
 * the port chosen here (passed through a system property): test resources and tests may live in different
 * class loaders, and the tests must hold the very instance that serves the requests.
 */
public class FakeCartcomResource implements QuarkusTestResourceLifecycleManager {
    static final String PORT_PROPERTY = "order-poller.fake-cartcom.port";

    @Override
    public Map<String, String> start() {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = Integer.toString(socket.getLocalPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            System.setProperty(PORT_PROPERTY, port);
        }
        return Map.of("cartcom.base-url-template", "http://127.0.0.1:" + port + "/{domain}/api/v1",
                "cartcom.allow-insecure-base-url", "true");
    }

    @Override
    public void stop() {
    }
}
