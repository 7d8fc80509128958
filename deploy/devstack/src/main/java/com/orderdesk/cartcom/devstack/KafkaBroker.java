package com.orderdesk.cartcom.devstack;

import com.orderdesk.cartcom.model.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Apache Kafka broker in KRaft mode (combined broker and controller, single node) in its own JVM, started from
 * the jars whose class path the build wrote into {@code devstack/kafka.classpath}.
 *
 * <p>Layout under its folder: {@code server.properties}, {@code ports.properties} (so a later run reuses the ports),
 * {@code data/} (log.dirs, formatted once), {@code broker.log} (the broker's log and console output), and for a
 * SASL broker {@code scram-users.properties} (see {@link KafkaScram}).
 *
 * <p>By default its client listener is {@code PLAINTEXT}. {@link #withScram} makes {@code SASL_PLAINTEXT} with
 * SCRAM-SHA-512 its only client listener (the controller's listener, internal to the node, stays plain): a client
 * needs {@link #clientSecurity(String)} besides the bootstrap servers.
 */
public final class KafkaBroker extends ChildServer {
    public static final int DEFAULT_PARTITIONS = 3;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path home;
    private final int port;
    private final int controllerPort;
    /** The users of the SASL-only listener; null for a plain listener. */
    private final KafkaScram scram;

    /** A broker in {@code home}, on the ports of an earlier run there when they are free, else on new free ports. */
    public KafkaBroker(Path home) {
        this(home, null);
    }

    private KafkaBroker(Path home, Collection<String> scramUsers) {
        super("Kafka broker", home.toAbsolutePath().resolve("broker.log"), STOP_GRACE);
        this.home = home.toAbsolutePath();
        int[] ports = loadOrPickPorts();
        this.port = ports[0];
        this.controllerPort = ports[1];
        this.scram = scramUsers == null ? null : KafkaScram.load(this.home, scramUsers);
    }

    /**
     * A broker whose only client listener requires SASL/SCRAM ({@value KafkaScram#MECHANISM}), knowing
     * {@value KafkaScram#ADMIN_USER} and {@code users}. The users are created when the storage is formatted, so
     * {@code home} must be new or formatted by such a broker with the same users.
     */
    public static KafkaBroker withScram(Path home, Collection<String> users) {
        return new KafkaBroker(home, users);
    }

    /** Formats the storage on first use, starts the broker and waits until it answers. Idempotent. */
    public synchronized KafkaBroker start() {
        if (isRunning()) {
            return this;
        }
        requireFree(port);
        requireFree(controllerPort);
        writeServerProperties();
        if (!Files.exists(dataDir().resolve("meta.properties"))) {
            format();
        } else if (scram != null) {
            scram.requireFormattedWithUsers(dataDir());
        }
        startProcess(javaCommand("kafka.Kafka", serverProperties().toString()), home, Map.of(), false);
        try (Admin admin = admin()) {
            awaitReady(START_TIMEOUT, Duration.ofMillis(200), () -> answers(admin));
        }
        return this;
    }

    /** Controlled shutdown (SIGTERM). The data stays: start() again resumes, after a kill() from its log. */
    @Override
    void sendStopSignal(Process process) {
        process.destroy();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path home() {
        return home;
    }

    /** Whether the client listener requires SASL/SCRAM. */
    public boolean requiresSasl() {
        return scram != null;
    }

    /**
     * What a client needs besides {@code bootstrap.servers} to be let in as {@code user}: {@code security.protocol},
     * {@code sasl.mechanism} and {@code sasl.jaas.config}; nothing at a plain broker (any user).
     */
    public Map<String, String> clientSecurity(String user) {
        return scram == null ? Map.of() : scram.clientProperties(user);
    }

    /** {@link #clientSecurity(String)} of the admin user. */
    public Map<String, String> clientSecurity() {
        return clientSecurity(KafkaScram.ADMIN_USER);
    }

    /** The users a client can log in as (empty at a plain broker). */
    public Set<String> users() {
        return scram == null ? Set.of() : scram.users();
    }

    /** An admin client with short timeouts, logged in as the admin. */
    public Admin admin() {
        return admin(bootstrapServers(), clientSecurity());
    }

    /** Every topic of {@link Topics#allWithDeadLetters()} with {@value #DEFAULT_PARTITIONS} partitions. */
    public void createTopics() {
        createTopics(DEFAULT_PARTITIONS);
    }

    /** Every topic of {@link Topics#allWithDeadLetters()}; the {@link Topics#COMPACTED} ones compacted. */
    public void createTopics(int partitions) {
        createTopics(bootstrapServers(), clientSecurity(), partitions);
    }

    /** {@link #createTopics(String, Map, int)} at a broker that lets any client in. */
    public static void createTopics(String bootstrapServers, int partitions) {
        createTopics(bootstrapServers, Map.of(), partitions);
    }

    /**
     * Creates the topics on any broker (also one this class did not start). Existing topics are left as they are.
     * Replication factor 1: suits a single node. {@code security}: see {@link #clientSecurity(String)}.
     */
    public static void createTopics(String bootstrapServers, Map<String, String> security, int partitions) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : Topics.allWithDeadLetters()) {
            NewTopic topic = new NewTopic(name, partitions, (short) 1);
            if (Topics.COMPACTED.contains(name)) {
                topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(topic);
        }
        try (Admin admin = admin(bootstrapServers, security)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            admin.createTopics(missing).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + name, e.getCause());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("could not create topic " + name, e);
                }
            });
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not list topics on " + bootstrapServers, e);
        }
    }

    /** An admin client with short timeouts, for probing and topic creation. */
    public static Admin admin(String bootstrapServers) {
        return admin(bootstrapServers, Map.of());
    }

    /** {@link #admin(String)} with client security settings ({@link #clientSecurity(String)}). */
    public static Admin admin(String bootstrapServers, Map<String, String> security) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(config);
    }

    /** Whether the broker answers a cluster description; fails at once if it refuses the admin's login. */
    private boolean answers(Admin admin) throws InterruptedException {
        try {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            if (e.getCause() instanceof AuthenticationException refused) {
                throw new IllegalStateException("the broker refused the admin's login: " + refused.getMessage()
                        + "; see " + logFile(), refused);
            }
            return false; // not listening yet
        }
    }

    private void format() {
        String clusterId = Uuid.randomUuid().toString();
        List<String> args = new ArrayList<>(List.of("format", "--ignore-formatted",
                "--cluster-id", clusterId, "--config", serverProperties().toString()));
        if (scram != null) {
            args.addAll(scram.formatArguments());
        }
        ChildProcesses.run(javaCommand("kafka.tools.StorageTool", args.toArray(String[]::new)),
                home, Map.of(), home.resolve("format.log"), false, Duration.ofMinutes(2));
    }

    private List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                // The broker's slf4j backend is slf4j-simple: its log goes to a file, not to the console.
                "-Dorg.slf4j.simpleLogger.logFile=" + logFile(),
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaConfig=warn",
                "-cp", classPath(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** The broker's class path: the provided-scope jars plus kafka-clients and its runtime deps. */
    static String classPath() {
        String provided = resource("devstack/kafka.classpath");
        String clients = resource("devstack/kafka-clients.classpath");
        return provided + java.io.File.pathSeparator + clients;
    }

    private static String resource(String name) {
        try (InputStream in = KafkaBroker.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing: build the devstack module with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeServerProperties() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        // A static quorum of one voter: no --standalone/--initial-controllers needed when formatting.
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        if (scram != null) {
            scram.serverProperties(port, controllerPort).forEach(p::setProperty);
        }
        p.setProperty("log.dirs", dataDir().toString());
        p.setProperty("num.partitions", Integer.toString(DEFAULT_PARTITIONS));
        // One node: every replication factor and ISR minimum is 1.
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        // Not the default 50: each test JVM's broker creates and loads them all at the first consumer group.
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Consumers of a new group get their partitions at once instead of after 3 s.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // A broker started again after a SIGKILL may register only once the controller has timed out the session of
        // the one that died (DUPLICATE_BROKER_REGISTRATION until then): 3 s instead of 9 s of a restart.
        p.setProperty("broker.session.timeout.ms", "3000");
        p.setProperty("broker.heartbeat.interval.ms", "500");
        // The cleaner's default 128 MiB dedupe buffer is a quarter of the heap; the local topics are tiny.
        p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        try (Writer out = Files.newBufferedWriter(serverProperties())) {
            p.store(out, "written by devstack KafkaBroker on each start");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int[] loadOrPickPorts() {
        Path file = home.resolve("ports.properties");
        try {
            Files.createDirectories(home);
            if (Files.exists(file)) {
                Properties saved = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    saved.load(in);
                }
                int savedPort = Integer.parseInt(saved.getProperty("port"));
                int savedController = Integer.parseInt(saved.getProperty("controller.port"));
                if (FreePorts.isFree(savedPort) && FreePorts.isFree(savedController)) {
                    return new int[] {savedPort, savedController};
                }
            }
            int[] ports = {FreePorts.find(), FreePorts.find()};
            Properties out = new Properties();
            out.setProperty("port", Integer.toString(ports[0]));
            out.setProperty("controller.port", Integer.toString(ports[1]));
            try (Writer w = Files.newBufferedWriter(file)) {
                out.store(w, "ports of the devstack Kafka broker");
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireFree(int port) {
        if (!FreePorts.isFree(port)) {
            throw new IllegalStateException("port " + port + " of the Kafka broker is taken by another process");
        }
    }

    private Path serverProperties() {
        return home.resolve("server.properties");
    }

    private Path dataDir() {
        return home.resolve("data");
    }
}
