package com.orderdesk.cartcom.launcher;

import com.orderdesk.cartcom.devstack.DevStack;
import com.orderdesk.cartcom.devstack.KafkaBroker;
import com.orderdesk.cartcom.devstack.FreePorts;
import com.orderdesk.cartcom.devstack.ServiceProcess;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole system on one machine: the local stack (Kafka + PostgreSQL), the Cart.com sandbox and the four
 * packaged services as child processes, wired the way an operator would wire them (CONTRACTS.md keys).
 * Used by the run command and by the end-to-end tests.
 */
public final class LocalSystem implements AutoCloseable {
    private static final String TOKEN_KEY_ID = "local-1";
    /** Nine JVMs start at once on a small machine: give each ample time before calling it failed. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Options options;
    private final DevStack stack;
    private final ServiceProcess sandbox;
    private final Map<Service, List<ServiceProcess>> services;
    private final String adminToken;

    /**
     * How to run it; the run command uses fixed ports and one instance of each service, tests free ports and as
     * many instances as they need. {@code extraConfig} reaches every service (e.g. shorter leases in crash tests).
     * {@code kafkaSasl}: the broker's only client listener requires SASL/SCRAM, each service logs in as its own user
     * (named after its module) through its Kafka configuration, and the stack lives in {@code stack-sasl/} instead of
     * {@code stack/} (users are created when a broker's folder is formatted).
     */
    public record Options(Path repoRoot, Path dataDir, boolean freePorts, String adminToken, Duration pollInterval,
                          int instancesPerService, Map<String, String> extraConfig, boolean kafkaSasl,
                          int partitions) {
        public Options {
            repoRoot = repoRoot.toAbsolutePath().normalize();
            dataDir = dataDir.toAbsolutePath().normalize();
            if (instancesPerService < 1 || (!freePorts && instancesPerService > 1)) {
                throw new IllegalArgumentException("one instance per service on fixed ports, any number on free ports");
            }
            extraConfig = Map.copyOf(extraConfig);
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be positive");
            }
        }

        public Options(Path repoRoot, Path dataDir, boolean freePorts, String adminToken, Duration pollInterval,
                       int instancesPerService, Map<String, String> extraConfig) {
            this(repoRoot, dataDir, freePorts, adminToken, pollInterval, instancesPerService, extraConfig, false,
                    KafkaBroker.DEFAULT_PARTITIONS);
        }

        public Options(Path repoRoot, Path dataDir, boolean freePorts, String adminToken, Duration pollInterval) {
            this(repoRoot, dataDir, freePorts, adminToken, pollInterval, 1, Map.of());
        }

        /** The same, with a broker that lets in only SASL/SCRAM clients (or not). */
        public Options withKafkaSasl(boolean sasl) {
            return new Options(repoRoot, dataDir, freePorts, adminToken, pollInterval, instancesPerService, extraConfig,
                    sasl, partitions);
        }

        /**
         * The same, with this many partitions a topic (in a new data folder): as many as deployed (12, see
         * deploy/k8s) spread many stores evenly over several instances of a service; the default's 3 do not.
         */
        public Options withPartitions(int partitions) {
            return new Options(repoRoot, dataDir, freePorts, adminToken, pollInterval, instancesPerService, extraConfig,
                    kafkaSasl, partitions);
        }
    }

    private LocalSystem(Options options, DevStack stack, ServiceProcess sandbox, Map<Service, List<ServiceProcess>> services) {
        this.options = options;
        this.stack = stack;
        this.sandbox = sandbox;
        this.services = services;
        this.adminToken = options.adminToken();
    }

    public static LocalSystem start(Options options) {
        checkPackaged(options.repoRoot());
        DevStack stack = startStack(options);
        ServiceProcess sandbox = null;
        Map<Service, List<ServiceProcess>> services = new EnumMap<>(Service.class);
        try {
            int sandboxPort = options.freePorts() ? FreePorts.find() : 8089;
            sandbox = ServiceProcess.quarkusApp("cartcom-sandbox", options.repoRoot().resolve("deploy/cartcom-sandbox"))
                    // The sandbox keeps every store's orders and call log in memory: the system benchmark's side-by-side
                    // backlogs (six stores of 2,000 orders) outgrow a service's 160 MB heap.
                    .jvmArgs("-Xms32m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                    .systemProperty("quarkus.http.port", Integer.toString(sandboxPort))
                    .logFile(options.dataDir().resolve("logs/cartcom-sandbox.log"))
                    .startTimeout(START_TIMEOUT)
                    .build();
            CompletableFuture<ServiceProcess> sandboxStart = startAsync(sandbox);
            Map<String, String> shared = sharedConfig(options, stack, sandboxPort);
            List<CompletableFuture<ServiceProcess>> starts = new ArrayList<>();
            starts.add(sandboxStart);
            Map<Service, List<Integer>> ports = ports(options);
            shared.putIfAbsent("cartcom.budget.urls", budgetUrls(ports.get(Service.POLLER)));
            for (Service service : Service.values()) {
                List<ServiceProcess> instances = new ArrayList<>();
                for (int i = 1; i <= options.instancesPerService(); i++) {
                    int port = ports.get(service).get(i - 1);
                    String name = options.instancesPerService() == 1 ? service.module() : service.module() + "-" + i;
                    ServiceProcess process = ServiceProcess.quarkusApp(name, options.repoRoot().resolve(service.module()))
                            .kafka(stack.bootstrapServers(), kafkaSecurity(stack, service))
                            .systemProperties(shared)
                            .systemProperty("quarkus.http.port", Integer.toString(port))
                            .systemProperty("quarkus.datasource.jdbc.url", stack.jdbcUrl(service.database()))
                            .systemProperties(webhookConfig(service, port))
                            .logFile(options.dataDir().resolve("logs/" + name + ".log"))
                            .startTimeout(START_TIMEOUT)
                            .build();
                    instances.add(process);
                    starts.add(startAsync(process));
                }
                services.put(service, List.copyOf(instances));
            }
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
            return new LocalSystem(options, stack, sandbox, services);
        } catch (RuntimeException e) {
            services.values().stream().flatMap(List::stream).forEach(ServiceProcess::close);
            if (sandbox != null) {
                sandbox.close();
            }
            stack.close();
            throw e;
        }
    }

    /** Each instance's HTTP port, chosen before any starts: the others must know where the pollers listen. */
    private static Map<Service, List<Integer>> ports(Options options) {
        Map<Service, List<Integer>> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            List<Integer> chosen = new ArrayList<>();
            for (int i = 1; i <= options.instancesPerService(); i++) {
                chosen.add(options.freePorts() ? FreePorts.find() : service.defaultPort());
            }
            ports.put(service, chosen);
        }
        return ports;
    }

    /**
     * Every store's one call budget is kept by the pollers (in their database); the other services take their slots
     * there, from whichever poller answers. (The pollers themselves use the database directly.)
     */
    private static String budgetUrls(List<Integer> pollerPorts) {
        return String.join(",", pollerPorts.stream().map(port -> "http://127.0.0.1:" + port).toList());
    }

    private static DevStack startStack(Options options) {
        DevStack.Builder stack = DevStack.builder()
                .dataDir(options.dataDir().resolve(options.kafkaSasl() ? "stack-sasl" : "stack"))
                .partitions(options.partitions());
        if (options.kafkaSasl()) {
            stack.kafkaScram(Arrays.stream(Service.values()).map(Service::module).toList());
        }
        return stack.start();
    }

    /** The Kafka client security settings a service's instances log in with (none at a plain broker). */
    private static Map<String, String> kafkaSecurity(DevStack stack, Service service) {
        return stack.kafka().clientSecurity(service.module());
    }

    /**
     * What every service is told besides its Kafka configuration ({@link ServiceProcess#kafkaConfig}): the database
     * server, where Cart.com is (the sandbox), the keys.
     */
    private static Map<String, String> sharedConfig(Options options, DevStack stack, int sandboxPort) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.username", stack.username());
        config.put("quarkus.datasource.password", stack.password());
        config.put("cartcom.base-url-template", "http://127.0.0.1:" + sandboxPort + "/{domain}/api/v1");
        config.put("cartcom.allow-insecure-base-url", "true");
        // The prod profile refuses the insecure base URL at start-up: the local run is the local profile.
        config.put("quarkus.profile", "local");
        config.put("cartcom.token-keys", tokenKeys(options.dataDir()));
        config.put("cartcom.token-key-id", TOKEN_KEY_ID);
        config.put("orderdesk.admin-token", options.adminToken());
        // Eight services starting at once on a small machine can take longer than the default 5 s for the first
        // connection, and a service that cannot migrate its database at start exits.
        config.put("quarkus.datasource.jdbc.acquisition-timeout", "PT30S");
        // Merchants choose 5 minutes or more; locally and in tests a poll every few seconds shows the flow at once. Null:
        // each store on the interval its settings chose (the webhook benchmark).
        if (options.pollInterval() != null) {
            config.put("poller.interval-override", options.pollInterval().toString());
        }
        config.putAll(options.extraConfig());
        return config;
    }

    /**
     * Cart.com's webhooks on: each poller instance subscribes stores at its own address, where the sandbox calls it (on
     * a cluster the Ingress' public host); a store's orders then arrive within seconds of being placed.
     */
    private static Map<String, String> webhookConfig(Service service, int port) {
        return service == Service.POLLER ? Map.of("cartcom.public-webhook-base-url", "http://127.0.0.1:" + port) : Map.of();
    }

    /** One token key per data folder, kept so that a restarted system still opens the tokens it sealed. */
    private static String tokenKeys(Path dataDir) {
        Path file = dataDir.resolve("token-keys");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                Files.writeString(file, TokenCrypto.newKeySpec(TOKEN_KEY_ID));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local token key in " + file, e);
        }
    }

    private static CompletableFuture<ServiceProcess> startAsync(ServiceProcess process) {
        return CompletableFuture.supplyAsync(process::start);
    }

    private static void checkPackaged(Path repoRoot) {
        List<String> missing = new ArrayList<>();
        for (String module : List.of("deploy/cartcom-sandbox", Service.SETTINGS.module(), Service.POLLER.module(),
                Service.IMPORTER.module(), Service.SHIPMENT_SYNC.module())) {
            if (!Files.exists(repoRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"))) {
                missing.add(module);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not packaged yet: " + missing + " (run `mvn install -DskipTests` first)");
        }
    }

    public DevStack stack() {
        return stack;
    }

    /**
     * What a Kafka client of a test or tool needs to reach this system's broker: {@code bootstrap.servers} and, with
     * {@link Options#kafkaSasl()}, the admin's {@code security.protocol} and {@code sasl.*} settings. A mutable copy.
     */
    public Map<String, Object> kafkaClientConfig() {
        Map<String, Object> config = new HashMap<>(stack.kafka().clientSecurity());
        config.put("bootstrap.servers", stack.bootstrapServers());
        return config;
    }

    /** A service's Kafka configuration as its processes get it ({@code kafka.*} properties). */
    public Map<String, String> kafkaConfig(Service service) {
        return ServiceProcess.kafkaConfig(stack.bootstrapServers(), kafkaSecurity(stack, service));
    }

    /** The first instance of a service. */
    public ServiceProcess process(Service service) {
        return services.get(service).get(0);
    }

    public List<ServiceProcess> instances(Service service) {
        return services.get(service);
    }

    public ServiceProcess sandboxProcess() {
        return sandbox;
    }

    /** The URL of the first instance of a service. */
    public String baseUrl(Service service) {
        return origin(process(service));
    }

    public static String origin(ServiceProcess process) {
        var uri = process.readinessUrl();
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    public String sandboxUrl() {
        return origin(sandbox);
    }

    public String adminToken() {
        return adminToken;
    }

    public Options options() {
        return options;
    }

    /**
     * Stops every process at once, each on a thread of its own: a graceful stop is mostly waiting (consumers leaving
     * their groups, a class archive written), and a parallel stream would run only as many stops as the machine has
     * cores less one (on two cores, the nine processes of a suite two at a time).
     */
    @Override
    public void close() {
        List<ServiceProcess> all = new ArrayList<>(services.values().stream().flatMap(List::stream).toList());
        all.add(sandbox);
        List<Thread> stopping = all.stream().map(process -> new Thread(process::close, "stop-" + process.name())).toList();
        stopping.forEach(Thread::start);
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stack.close();
    }
}
