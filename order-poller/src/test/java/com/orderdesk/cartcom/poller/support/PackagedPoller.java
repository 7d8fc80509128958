package com.orderdesk.cartcom.poller.support;

import com.orderdesk.cartcom.devstack.ServiceProcess;
import com.orderdesk.cartcom.devstack.StackEndpoints;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;

/**
 * The packaged poller run as a process of its own against the devstack (MultiInstancePollerIT, the scale benchmark):
 * what every such process needs to work, so that a test sets only what it is about.
 */
public final class PackagedPoller {
    private static final String TOKEN_KEY_ID = "packaged-key";
    private static final String TOKEN_KEYS = TOKEN_KEY_ID + ":AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    /** Opens the poller's metrics (operators only). */
    public static final String ADMIN_TOKEN = "packaged-admin-token";

    private PackagedPoller() {
    }

    /**
     * {@code poller} on {@code port} with {@code stack}'s Kafka and its database {@code database}, calling Cart.com at
     * {@code baseUrlTemplate} (the sandbox: insecure URLs allowed), its leases held as {@code instanceId}. The
     * consumer groups are named after the database, so that a run never takes over an earlier run's offsets.
     */
    public static ServiceProcess.Builder configure(ServiceProcess.Builder poller, int port, StackEndpoints stack,
                                                   String database, String baseUrlTemplate, String instanceId) {
        return poller.systemProperty("quarkus.http.port", Integer.toString(port))
                .kafka(stack.bootstrapServers(), stack.kafkaSecurity())
                .systemProperty("quarkus.datasource.jdbc.url", stack.jdbcUrl(database))
                .systemProperty("quarkus.datasource.username", stack.username())
                .systemProperty("quarkus.datasource.password", stack.password())
                .systemProperty("cartcom.base-url-template", baseUrlTemplate)
                .systemProperty("cartcom.allow-insecure-base-url", "true")
                .systemProperty("quarkus.profile", "local")
                .systemProperty("cartcom.token-keys", TOKEN_KEYS)
                .systemProperty("cartcom.token-key-id", TOKEN_KEY_ID)
                .systemProperty("orderdesk.admin-token", ADMIN_TOKEN)
                .systemProperty("poller.instance-id", instanceId)
                .systemProperty("mp.messaging.incoming.store-settings.group.id", database)
                .systemProperty("mp.messaging.incoming.import-requests.group.id", database);
    }

    /** What seals the tokens of the snapshots such a poller reads. */
    public static TokenCrypto tokenCrypto() {
        return TokenCrypto.fromConfig(TOKEN_KEYS, TOKEN_KEY_ID);
    }
}
