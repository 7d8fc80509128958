package com.orderdesk.cartcom.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Quarkus test resource backed by one stack per test JVM, shared by every test class and stopped when the JVM ends.
 * Use it with {@code @WithTestResource} (Quarkus 3.13+) or the older {@code @QuarkusTestResource}:
 * <pre>
 * &#64;WithTestResource(value = DevStackTestResource.class,
 *         initArgs = &#64;ResourceArg(name = "database", value = DevStack.SETTINGS_DB))
 * </pre>
 * Init args: {@code database} (created if absent; omit it for a service without a datasource) and
 * {@code partitions} (of each topic, default 3; only the first start of the stack uses it).
 * See {@link SharedStack} for where the stack comes from.
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String DATABASE_ARG = "database";
    public static final String PARTITIONS_ARG = "partitions";

    private String database;
    private int partitions = KafkaBroker.DEFAULT_PARTITIONS;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE_ARG);
        if (initArgs.containsKey(PARTITIONS_ARG)) {
            partitions = Integer.parseInt(initArgs.get(PARTITIONS_ARG));
        }
    }

    @Override
    public Map<String, String> start() {
        StackEndpoints stack = SharedStack.get(partitions);
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", stack.bootstrapServers());
        // We provide the services: Dev Services must not start containers of their own.
        config.put("quarkus.kafka.devservices.enabled", "false");
        if (database != null && !database.isBlank()) {
            stack.createDatabase(database);
            config.put("quarkus.datasource.jdbc.url", stack.jdbcUrl(database));
            config.put("quarkus.datasource.username", stack.username());
            config.put("quarkus.datasource.password", stack.password());
            config.put("quarkus.datasource.devservices.enabled", "false");
        }
        return config;
    }

    @Override
    public void stop() {
        // Shared by all test classes of the JVM: a shutdown hook stops it at the end.
    }
}
