package com.orderdesk.cartcom.devstack;

/**
 * The one stack of a test JVM, started lazily on first use:
 * <ol>
 *   <li>existing services named by the environment: {@code KAFKA_BOOTSTRAP_SERVERS} and/or
 *       {@code DEVSTACK_JDBC_BASE_URL} (e.g. {@code jdbc:postgresql://host:5432/}) with {@code DEVSTACK_DB_USER}
 *       and {@code DEVSTACK_DB_PASSWORD}; a part not named there is started locally;</li>
 *   <li>with system property {@code devstack.provider=testcontainers} (Maven profile {@code testcontainers}):
 *       containers, see {@link TestcontainersStack};</li>
 *   <li>otherwise a {@link DevStack} of child processes in a temporary folder.</li>
 * </ol>
 * The topics and the databases of {@link DevStack#DATABASES} are created in every case.
 *
 * <p>Quarkus may load this class in more than one class loader in one JVM, each with its own statics. So the first
 * stack publishes its endpoints in system properties ({@code devstack.shared.*}), and later loaders reuse them
 * instead of starting a second stack; a lock on an interned string (one per JVM) orders them.
 */
public final class SharedStack {
    public static final String PROVIDER_PROPERTY = "devstack.provider";
    private static final String LOCK = "com.orderdesk.cartcom.devstack.SharedStack.lock";
    private static final String SHARED = "devstack.shared.";
    private static StackEndpoints endpoints;

    private SharedStack() {
    }

    /** The endpoints of the JVM's stack, starting it on first call. */
    public static StackEndpoints get(int partitions) {
        synchronized (LOCK.intern()) {
            if (endpoints == null) {
                endpoints = published();
            }
            if (endpoints == null) {
                endpoints = startNew(partitions);
                publish(endpoints);
            }
            return endpoints;
        }
    }

    private static StackEndpoints startNew(int partitions) {
        String kafka = env("KAFKA_BOOTSTRAP_SERVERS");
        String jdbc = env("DEVSTACK_JDBC_BASE_URL");
        StackEndpoints started;
        if (kafka != null && jdbc != null) {
            started = new StackEndpoints(kafka, jdbc, envOr("DEVSTACK_DB_USER", "postgres"),
                    envOr("DEVSTACK_DB_PASSWORD", "postgres"));
        } else if ("testcontainers".equalsIgnoreCase(System.getProperty(PROVIDER_PROPERTY))) {
            // Loaded only here: without the profile the Testcontainers classes are not on the class path.
            started = TestcontainersStack.start();
        } else {
            DevStack local = DevStack.builder().temporary().partitions(partitions)
                    .withKafka(kafka == null).withPostgres(jdbc == null).start();
            StackEndpoints own = local.endpoints();
            boolean ownPostgres = jdbc == null;
            started = new StackEndpoints(kafka == null ? own.bootstrapServers() : kafka,
                    ownPostgres ? own.jdbcBaseUrl() : jdbc,
                    ownPostgres ? own.username() : envOr("DEVSTACK_DB_USER", "postgres"),
                    ownPostgres ? own.password() : envOr("DEVSTACK_DB_PASSWORD", "postgres"));
        }
        // Idempotent: a local stack has them already, existing services or containers may not.
        started.createTopics(partitions);
        DevStack.DATABASES.forEach(started::createDatabase);
        return started;
    }

    private static StackEndpoints published() {
        String kafka = System.getProperty(SHARED + "bootstrap-servers");
        return kafka == null ? null : new StackEndpoints(kafka, System.getProperty(SHARED + "jdbc-base-url"),
                System.getProperty(SHARED + "username"), System.getProperty(SHARED + "password"));
    }

    private static void publish(StackEndpoints e) {
        System.setProperty(SHARED + "jdbc-base-url", e.jdbcBaseUrl());
        System.setProperty(SHARED + "username", e.username());
        System.setProperty(SHARED + "password", e.password());
        System.setProperty(SHARED + "bootstrap-servers", e.bootstrapServers()); // last: marks the set complete
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String envOr(String name, String fallback) {
        String value = env(name);
        return value == null ? fallback : value;
    }
}
