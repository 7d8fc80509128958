package com.orderdesk.cartcom.settings.outbox;

import com.orderdesk.cartcom.model.outbox.OutboxRelay;
import com.orderdesk.cartcom.settings.config.OutboxConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Drains the outbox to Kafka about every second. A failed batch stays in the outbox and is sent on a later run;
 * SKIP keeps one run at a time per instance, and the relay's row locks keep instances from sending a row at once.
 */
@ApplicationScoped
public class OutboxRelayJob {
    /** The scheduled job's identity: operators (and tests) can pause and resume it through the Scheduler. */
    public static final String IDENTITY = "settings-outbox-relay";
    private static final Logger LOG = Logger.getLogger(OutboxRelayJob.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private volatile OutboxRelay relay;

    @Scheduled(identity = IDENTITY, every = "${settings.outbox.relay-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayPending() {
        try {
            int sent = outboxRelay().drain();
            if (sent > 0) {
                LOG.debugf("relayed %d outbox events", sent);
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay failed, will retry: %s", e.getMessage());
        }
    }

    /** Sends everything pending now; tests and shutdown use it. */
    public int drainNow() {
        return outboxRelay().drain();
    }

    private OutboxRelay outboxRelay() {
        OutboxRelay current = relay;
        if (current == null) {
            synchronized (this) {
                if (relay == null) {
                    relay = new OutboxRelay(dataSource, OutboxRelay.newProducer(bootstrapServers, "settings-service-outbox"),
                            config.batchSize(), config.sendTimeout().toMillis());
                }
                current = relay;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (relay != null) {
            relay.close();
        }
    }
}
