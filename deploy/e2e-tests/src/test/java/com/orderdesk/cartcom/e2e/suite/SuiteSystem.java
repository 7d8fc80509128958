package com.orderdesk.cartcom.e2e.suite;

import com.orderdesk.cartcom.launcher.LocalSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The system a suite runs against: the whole system with two instances of each service, started before the suite's
 * tests and closed after them. A suite registers it as a static field with {@code @RegisterExtension}.
 */
final class SuiteSystem implements BeforeAllCallback, AfterAllCallback {
    private final String name;
    private final Map<String, String> extraConfig;
    private LocalSystem system;

    /** {@code name} names the data folder and the admin token; {@code extraConfig} goes to every service. */
    SuiteSystem(String name, Map<String, String> extraConfig) {
        this.name = name;
        this.extraConfig = extraConfig;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path repoRoot = Path.of("../..").toAbsolutePath().normalize();
        Path dataDir = Files.createTempDirectory("cartcom-" + name + "-");
        system = LocalSystem.start(new LocalSystem.Options(repoRoot, dataDir, true, name + "-admin-token",
                SuiteRun.POLL_INTERVAL, 2, extraConfig));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (system != null) {
            system.close();
        }
    }

    LocalSystem get() {
        return system;
    }
}
