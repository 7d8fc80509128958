package com.orderdesk.cartcom.e2e.badinput;

import com.orderdesk.cartcom.devstack.DevStack;
import com.orderdesk.cartcom.devstack.FreePorts;
import com.orderdesk.cartcom.devstack.ServiceProcess;
import com.orderdesk.cartcom.launcher.LocalSystem;
import com.orderdesk.cartcom.launcher.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A second settings-service instance of the running system (same database, broker and keys) under the production
 * rules: {@code cartcom.allow-insecure-base-url=false}, so every address a domain resolves to must be public. Its
 * DNS is a hosts file ({@code jdk.net.hosts.file}, the JDK's own switch), which answers the chosen names with the
 * chosen addresses as a hostile DNS would, and nothing else resolves. Its Cart.com is {@link ConnectionTrap}: the
 * template is https on a loopback port, which the production rules accept (settings-service's ProductionRulesTest).
 */
final class ProductionRulesSettings implements AutoCloseable {
    private final ServiceProcess process;

    private ProductionRulesSettings(ServiceProcess process) {
        this.process = process;
    }

    static ProductionRulesSettings start(LocalSystem system, ConnectionTrap trap, Map<String, List<String>> dns) {
        Path dataDir = system.options().dataDir();
        String tokenKeys = read(dataDir.resolve("token-keys"));
        ServiceProcess process = ServiceProcess.quarkusApp("settings-service-production-rules",
                        system.options().repoRoot().resolve(Service.SETTINGS.module()))
                .systemProperty("quarkus.http.port", Integer.toString(FreePorts.find()))
                .systemProperties(system.kafkaConfig(Service.SETTINGS))
                .systemProperty("quarkus.datasource.jdbc.url", system.stack().jdbcUrl(DevStack.SETTINGS_DB))
                .systemProperty("quarkus.datasource.username", system.stack().username())
                .systemProperty("quarkus.datasource.password", system.stack().password())
                .systemProperty("cartcom.token-keys", tokenKeys)
                .systemProperty("cartcom.token-key-id", tokenKeys.substring(0, tokenKeys.indexOf(':')))
                .systemProperty("orderdesk.admin-token", system.adminToken())
                .systemProperty("cartcom.allow-insecure-base-url", "false")
                .systemProperty("cartcom.base-url-template", "https://127.0.0.1:" + trap.port() + "/{domain}/api/v1")
                .systemProperty("cartcom.connect-timeout", "2s")
                .systemProperty("cartcom.request-timeout", "3s")
                .systemProperty("jdk.net.hosts.file", hostsFile(dataDir, dns).toString())
                .logFile(dataDir.resolve("logs/settings-service-production-rules.log"))
                .startTimeout(Duration.ofMinutes(3))
                .build();
        return new ProductionRulesSettings(process.start());
    }

    String baseUrl() {
        return LocalSystem.origin(process);
    }

    /** The chosen answers, plus this machine's own names so that the service itself still starts. */
    private static Path hostsFile(Path dataDir, Map<String, List<String>> dns) {
        StringBuilder hosts = new StringBuilder("127.0.0.1 localhost ").append(hostName()).append('\n');
        dns.forEach((name, addresses) -> addresses.forEach(address ->
                hosts.append(address).append(' ').append(name).append('\n')));
        Path file = dataDir.resolve("hostile-dns-hosts");
        try {
            Files.writeString(file, hosts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("the local system keeps its token key in " + file, e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
