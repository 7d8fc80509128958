package com.orderdesk.cartcom.importer.outbox;

import com.orderdesk.cartcom.importer.config.ImporterConfig;
import com.orderdesk.cartcom.model.outbox.OutboxRelay;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Drains the outbox to Kafka: OrderImported, ShipmentCreated and activity events, in the order they were written. */
@ApplicationScoped
public class OutboxRelayJob {
    private static final Logger LOG = Logger.getLogger(OutboxRelayJob.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ImporterConfig config;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private volatile OutboxRelay relay;

    void start(@Observes StartupEvent event) {
        relay = new OutboxRelay(dataSource, OutboxRelay.newProducer(bootstrapServers, "order-importer-outbox"),
                config.outbox().batchSize(), 15_000);
    }

    void stop(@Observes ShutdownEvent event) {
        OutboxRelay current = relay;
        relay = null;
        if (current != null) {
            current.close();
        }
    }

    @Scheduled(identity = "outbox-relay", every = "${importer.outbox.relay-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        OutboxRelay current = relay;
        if (current == null) {
            return;
        }
        try {
            int sent = current.drain();
            if (sent > 0) {
                LOG.debugf("Relayed %d outbox events", sent);
            }
        } catch (RuntimeException e) {
            // The rows stay unsent and go out on a later run.
            LOG.warnf("Outbox relay failed, will retry: %s", e.getMessage());
        }
    }
}
