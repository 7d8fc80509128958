package com.orderdesk.cartcom.devstack;

/**
 * Where a running Kafka and PostgreSQL answer, whoever started them (this library, Testcontainers, or someone else).
 *
 * @param bootstrapServers Kafka bootstrap servers, e.g. {@code 127.0.0.1:9092}
 * @param jdbcBaseUrl      PostgreSQL JDBC URL without a database, ending with '/', e.g.
 *                         {@code jdbc:postgresql://127.0.0.1:5432/}
 */
public record StackEndpoints(String bootstrapServers, String jdbcBaseUrl, String username, String password) {

    public StackEndpoints {
        if (jdbcBaseUrl != null && !jdbcBaseUrl.endsWith("/")) {
            jdbcBaseUrl = jdbcBaseUrl + "/";
        }
    }

    public String jdbcUrl(String database) {
        return jdbcBaseUrl + database;
    }

    /** Creates every topic of the system (idempotent). */
    public void createTopics(int partitions) {
        KafkaBroker.createTopics(bootstrapServers, partitions);
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        PostgresServer.createDatabase(jdbcBaseUrl, username, password, name);
    }
}
