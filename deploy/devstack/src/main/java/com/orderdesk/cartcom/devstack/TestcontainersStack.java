package com.orderdesk.cartcom.devstack;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The stack in containers, for {@code -Ptestcontainers} (needs a Docker engine). Kept apart so that the
 * Testcontainers classes (an optional dependency) are loaded only in that mode. Ryuk removes the containers when
 * the JVM ends.
 */
final class TestcontainersStack {
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String POSTGRES_IMAGE = "postgres:14-alpine";

    private TestcontainersStack() {
    }

    @SuppressWarnings("resource") // closed by Testcontainers' Ryuk at JVM exit
    static StackEndpoints start() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withUsername(PostgresServer.USERNAME).withPassword(PostgresServer.PASSWORD);
        kafka.start();
        postgres.start();
        String base = "jdbc:postgresql://" + postgres.getHost() + ":"
                + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/";
        return new StackEndpoints(kafka.getBootstrapServers(), base, postgres.getUsername(), postgres.getPassword());
    }
}
