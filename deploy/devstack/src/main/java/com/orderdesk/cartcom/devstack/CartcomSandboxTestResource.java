package com.orderdesk.cartcom.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a Quarkus service under test at the shared {@link CartcomSandbox}: its {@code cartcom.base-url-template}
 * becomes the sandbox's, and the insecure (http, loopback) base URL is allowed, as only tests and the local run do.
 * Use beside {@link DevStackTestResource}; reach the control API with {@link CartcomSandbox#control()}.
 */
public class CartcomSandboxTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of(
                "cartcom.base-url-template", CartcomSandbox.baseUrlTemplate(),
                "cartcom.allow-insecure-base-url", "true");
    }

    @Override
    public void stop() {
        // Shared by all test classes of the JVM: a shutdown hook stops it at the end.
    }
}
