package com.orderdesk.cartcom.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A packaged Quarkus application ({@code target/quarkus-app/quarkus-run.jar}) run as a child process, for
 * end-to-end and crash tests: start, wait until ready, stop (SIGTERM, then SIGKILL after a grace period), kill
 * (SIGKILL), restart. Its console output is appended to a log file. Like the stack's processes it dies with this JVM.
 */
public final class ServiceProcess extends ChildServer {
    private final String name;
    private final Path jar;
    private final Map<String, String> systemProperties;
    private final Map<String, String> env;
    private final List<String> jvmArgs;
    private final URI readinessUrl;
    private final Duration startTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ClassArchive classArchive;

    private ServiceProcess(Builder b) {
        super(b.name, logFileOf(b), b.stopGrace);
        this.name = b.name;
        this.jar = b.jar.toAbsolutePath();
        this.systemProperties = Map.copyOf(b.systemProperties);
        this.env = Map.copyOf(b.env);
        this.jvmArgs = List.copyOf(b.jvmArgs);
        this.readinessUrl = b.readinessUrl != null ? b.readinessUrl : defaultReadinessUrl(b.systemProperties);
        this.startTimeout = b.startTimeout;
        this.classArchive = b.trainClassArchive && !ClassArchive.chosenBy(b.jvmArgs) ? new ClassArchive(jar) : null;
    }

    /**
     * A service from its module folder: {@code <moduleDir>/target/quarkus-app/quarkus-run.jar}, started with the
     * class archive its earlier runs trained ({@link ClassArchive}).
     */
    public static Builder quarkusApp(String name, Path moduleDir) {
        return new Builder(name, moduleDir.resolve("target/quarkus-app/quarkus-run.jar")).trainClassArchive(true);
    }

    /** A service from any runnable jar. */
    public static Builder jar(String name, Path jar) {
        return new Builder(name, jar);
    }

    /** Starts the process (if not running) and waits until the readiness URL answers 200. */
    public synchronized ServiceProcess start() {
        if (isRunning()) {
            return this;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: package the service first");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        if (classArchive != null) {
            // -Xshare:auto (the default) falls back quietly if an archive does not fit this JVM or this build.
            command.addAll(classArchive.jvmOptions());
        }
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        startProcess(command, jar.getParent(), env, false);
        HttpRequest readiness = HttpRequest.newBuilder(readinessUrl).timeout(Duration.ofSeconds(5)).GET().build();
        awaitReady(startTimeout, Duration.ofMillis(100), () -> answersOk(readiness));
        return this;
    }

    /** SIGTERM: Quarkus shuts down gracefully. */
    @Override
    void sendStopSignal(Process process) {
        process.destroy();
    }

    @Override
    void ended(Process process) {
        if (classArchive != null) {
            classArchive.ended(process);
        }
    }

    /** stop() then start(), with the same settings. */
    public synchronized ServiceProcess restart() {
        stop();
        return start();
    }

    public String name() {
        return name;
    }

    public URI readinessUrl() {
        return readinessUrl;
    }

    private boolean answersOk(HttpRequest readiness) throws InterruptedException {
        try {
            return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    private static Path logFileOf(Builder b) {
        return b.logFile != null ? b.logFile.toAbsolutePath()
                : b.jar.toAbsolutePath().getParent().resolve(b.name + ".log");
    }

    private static URI defaultReadinessUrl(Map<String, String> systemProperties) {
        String port = systemProperties.get("quarkus.http.port");
        if (port == null) {
            throw new IllegalStateException("set quarkus.http.port (e.g. FreePorts.find()) or a readiness URL");
        }
        return URI.create("http://127.0.0.1:" + port + "/q/health/ready");
    }

    /**
     * What each service runs with: a small heap the services stay well within, the serial collector (no GC threads
     * or regions to pay for on a small heap), capped metaspace and code cache, half-size thread stacks, and the quick
     * (C1) compiler alone. On 2 shared cores C2 never catches up: its one thread competes with the service, code waits
     * in the slower profiling tier meanwhile, and a start spends 2-3 s of CPU on it. Measured with the importer's
     * benchmark (20,000 orders after 40,000): C1 alone 3,093 orders/s at 0.26 ms of CPU an order and 251 MB, tiered
     * 2,255 orders/s at 0.41 ms and 301 MB; a start is 1-2 s shorter. With cores of its own, drop the last option for
     * the importer and measure again. Together they keep a service under 300 MB and 5 s (docs/benchmarks.md).
     */
    public static final List<String> SERVICE_JVM_ARGS = List.of("-Xms32m", "-Xmx160m", "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-XX:TieredStopAtLevel=1");

    /**
     * A Quarkus service's Kafka configuration, which its channels and every Kafka client it creates read (the
     * {@code kafka.*} properties): {@code kafka.bootstrap.servers} and each client security setting under
     * {@code kafka.}, e.g. {@code kafka.security.protocol}, {@code kafka.sasl.mechanism}, {@code kafka.sasl.jaas.config}
     * (see {@link KafkaBroker#clientSecurity(String)}; none for a plain broker).
     */
    public static Map<String, String> kafkaConfig(String bootstrapServers, Map<String, String> clientSecurity) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers);
        clientSecurity.forEach((key, value) -> config.put("kafka." + key, value));
        return config;
    }

    /** Settings of a service process. */
    public static final class Builder {
        private final String name;
        private final Path jar;
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>(SERVICE_JVM_ARGS);
        private Path logFile;
        private URI readinessUrl;
        private Duration startTimeout = Duration.ofSeconds(90);
        private Duration stopGrace = Duration.ofSeconds(20);
        private boolean trainClassArchive;

        private Builder(String name, Path jar) {
            this.name = name;
            this.jar = jar;
            // glibc gives threads up to 8 malloc arenas per core, each holding freed memory: 2 keep native memory low.
            env.put("MALLOC_ARENA_MAX", "2");
        }

        /** A {@code -Dkey=value} for the service, e.g. {@code quarkus.http.port}. */
        public Builder systemProperty(String key, String value) {
            systemProperties.put(key, value);
            return this;
        }

        public Builder systemProperties(Map<String, String> properties) {
            systemProperties.putAll(properties);
            return this;
        }

        /** The service's Kafka configuration: see {@link ServiceProcess#kafkaConfig}. */
        public Builder kafka(String bootstrapServers, Map<String, String> clientSecurity) {
            return systemProperties(kafkaConfig(bootstrapServers, clientSecurity));
        }

        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        public Builder env(Map<String, String> variables) {
            env.putAll(variables);
            return this;
        }

        /** JVM options; replaces the defaults ({@link #SERVICE_JVM_ARGS}). */
        public Builder jvmArgs(String... args) {
            jvmArgs.clear();
            jvmArgs.addAll(List.of(args));
            return this;
        }

        /** Whether starts use (or, without one, record) a trained class archive beside the jar; see {@link ClassArchive}. */
        public Builder trainClassArchive(boolean train) {
            this.trainClassArchive = train;
            return this;
        }

        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** Default: {@code http://127.0.0.1:<quarkus.http.port>/q/health/ready}. */
        public Builder readinessUrl(String url) {
            this.readinessUrl = URI.create(url);
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        public Builder stopGrace(Duration grace) {
            this.stopGrace = grace;
            return this;
        }

        /** The process, not started yet. */
        public ServiceProcess build() {
            return new ServiceProcess(this);
        }

        public ServiceProcess start() {
            return build().start();
        }
    }
}
