package com.orderdesk.cartcom.devstack;

import java.util.Map;

/**
 * Where a running Kafka and PostgreSQL answer, whoever started them (this library, Testcontainers, or someone else).
 *
 * @param bootstrapServers Kafka bootstrap servers, e.g. {@code 127.0.0.1:9092}
 * @param jdbcBaseUrl      PostgreSQL JDBC URL without a database, ending with '/', e.g.
 *                         {@code jdbc:postgresql://127.0.0.1:5432/}
 * @param kafkaSecurity    what a Kafka client needs besides the bootstrap servers (security.protocol, sasl.*), empty
 *                         for a broker that lets any client in; see {@link KafkaBroker#clientSecurity(String)}
 */
public record StackEndpoints(String bootstrapServers, String jdbcBaseUrl, String username, String password,
                             Map<String, String> kafkaSecurity) {

    public StackEndpoints {
        if (jdbcBaseUrl != null && !jdbcBaseUrl.endsWith("/")) {
            jdbcBaseUrl = jdbcBaseUrl + "/";
        }
        kafkaSecurity = Map.copyOf(kafkaSecurity);
    }

    /** Endpoints of a broker that lets any client in. */
    public StackEndpoints(String bootstrapServers, String jdbcBaseUrl, String username, String password) {
        this(bootstrapServers, jdbcBaseUrl, username, password, Map.of());
    }

    public String jdbcUrl(String database) {
        return jdbcBaseUrl + database;
    }

    /** Creates every topic of the system (idempotent). */
    public void createTopics(int partitions) {
        KafkaBroker.createTopics(bootstrapServers, kafkaSecurity, partitions);
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        PostgresServer.createDatabase(jdbcBaseUrl, username, password, name);
    }
}
