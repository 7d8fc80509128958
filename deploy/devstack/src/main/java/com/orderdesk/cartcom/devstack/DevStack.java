package com.orderdesk.cartcom.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A Kafka broker and a PostgreSQL server as child processes under one data folder, with every topic and the
 * services' databases created. Closing it (or the JVM ending, Ctrl-C included) stops both.
 *
 * <p>Data folder layout: {@code kafka/} (see {@link KafkaBroker}) and {@code postgres/} (see
 * {@link PostgresServer}).
 */
public final class DevStack implements AutoCloseable {
    public static final String SETTINGS_DB = "settings";
    public static final String POLLER_DB = "poller";
    public static final String IMPORTER_DB = "importer";
    public static final String SHIPMENTS_DB = "shipments";
    public static final List<String> DATABASES = List.of(SETTINGS_DB, POLLER_DB, IMPORTER_DB, SHIPMENTS_DB);
    public static final Path DEFAULT_DATA_DIR = Path.of(".devstack");

    private final Path dataDir;
    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final boolean deleteDataOnClose;
    private final Thread shutdownHook = new Thread(this::close, "devstack-close");
    private boolean closed;

    private DevStack(Builder builder) {
        this.dataDir = builder.dataDir.toAbsolutePath();
        this.deleteDataOnClose = builder.deleteDataOnClose;
        Path kafkaHome = dataDir.resolve("kafka");
        this.kafka = !builder.kafka ? null
                : builder.kafkaScramUsers == null ? new KafkaBroker(kafkaHome)
                : KafkaBroker.withScram(kafkaHome, builder.kafkaScramUsers);
        this.postgres = builder.postgres ? new PostgresServer(dataDir.resolve("postgres")) : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the whole stack in {@code dataDir}; its data is kept for the next start. */
    public static DevStack start(Path dataDir) {
        return builder().dataDir(dataDir).start();
    }

    /** Starts the whole stack in a new temporary folder that is deleted on close. */
    public static DevStack startTemporary() {
        return builder().temporary().start();
    }

    public KafkaBroker kafka() {
        return require(kafka, "Kafka");
    }

    public PostgresServer postgres() {
        return require(postgres, "PostgreSQL");
    }

    public String bootstrapServers() {
        return kafka().bootstrapServers();
    }

    public String jdbcUrl(String database) {
        return postgres().jdbcUrl(database);
    }

    public String username() {
        return postgres().username();
    }

    public String password() {
        return postgres().password();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The endpoints of the parts this stack runs (null fields for a part it does not run). */
    public StackEndpoints endpoints() {
        return new StackEndpoints(kafka == null ? null : kafka.bootstrapServers(),
                postgres == null ? null : postgres.jdbcBaseUrl(),
                postgres == null ? null : postgres.username(), postgres == null ? null : postgres.password(),
                kafka == null ? Map.of() : kafka.clientSecurity());
    }

    /** Stops Kafka, then PostgreSQL; deletes the data if it was a temporary stack. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called from the hook itself
        }
        try {
            if (kafka != null) {
                kafka.stop();
            }
        } finally {
            if (postgres != null) {
                postgres.stop();
            }
        }
        if (deleteDataOnClose) {
            try {
                if (postgres != null) {
                    postgres.deleteExternalFiles();
                }
                PostgresBinaries.deleteTree(dataDir);
            } catch (IOException | UncheckedIOException e) {
                System.err.println("devstack: could not delete " + dataDir + ": " + e);
            }
        }
    }

    private DevStack startAll(int partitions) {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            // Started one after the other: in parallel they compete for the 2 cores and are not faster.
            if (postgres != null) {
                postgres.start();
                DATABASES.forEach(postgres::createDatabase);
            }
            if (kafka != null) {
                kafka.start();
                kafka.createTopics(partitions);
            }
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static <T> T require(T part, String name) {
        if (part == null) {
            throw new IllegalStateException(name + " is not part of this stack");
        }
        return part;
    }

    /** Options of a stack: the data folder, the partitions per topic, and which parts to run. */
    public static final class Builder {
        private Path dataDir = DEFAULT_DATA_DIR;
        private boolean deleteDataOnClose;
        private int partitions = KafkaBroker.DEFAULT_PARTITIONS;
        private boolean kafka = true;
        private boolean postgres = true;
        private Collection<String> kafkaScramUsers;

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** A new temporary data folder, deleted on close. */
        public Builder temporary() {
            try {
                this.dataDir = Files.createTempDirectory("cartcom-devstack-");
                // 0755, so that postgres can keep its files here even when it runs as 'nobody' (JVM as root).
                Files.setPosixFilePermissions(dataDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.deleteDataOnClose = true;
            return this;
        }

        public Builder deleteDataOnClose(boolean delete) {
            this.deleteDataOnClose = delete;
            return this;
        }

        /** Partitions of each topic (more than 1, so that key ordering matters in tests). */
        public Builder partitions(int partitions) {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be positive");
            }
            this.partitions = partitions;
            return this;
        }

        public Builder withKafka(boolean kafka) {
            this.kafka = kafka;
            return this;
        }

        /**
         * The broker's only client listener requires SASL/SCRAM (see {@link KafkaBroker#withScram}); {@code users}
         * are created besides the admin, e.g. one per service. A folder formatted without them cannot take them.
         */
        public Builder kafkaScram(Collection<String> users) {
            this.kafkaScramUsers = List.copyOf(users);
            return this;
        }

        public Builder withPostgres(boolean postgres) {
            this.postgres = postgres;
            return this;
        }

        public DevStack start() {
            return new DevStack(this).startAll(partitions);
        }
    }
}
