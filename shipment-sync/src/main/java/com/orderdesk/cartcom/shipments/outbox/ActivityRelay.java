package com.orderdesk.cartcom.shipments.outbox;

import com.orderdesk.cartcom.model.outbox.OutboxRelay;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Sends the outbox (activity events) to Kafka shortly after each commit; rows stay until Kafka acknowledges. */
@ApplicationScoped
public class ActivityRelay {
    private static final Logger LOG = Logger.getLogger(ActivityRelay.class);
    private static final int BATCH_SIZE = 100;
    private static final long SEND_TIMEOUT_MILLIS = 15_000;

    private final OutboxRelay relay;
    private volatile boolean closed;

    ActivityRelay(AgroalDataSource dataSource,
                  @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.relay = new OutboxRelay(dataSource, OutboxRelay.newProducer(bootstrapServers, "shipment-sync-outbox"),
                BATCH_SIZE, SEND_TIMEOUT_MILLIS);
    }

    @Scheduled(identity = "shipment-sync-outbox-relay", every = "${shipment-sync.relay-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        if (closed) {
            return; // shutting down: what is left stays in the outbox for the next start
        }
        try {
            relay.drain();
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay: %s; will retry", e.getMessage());
        }
    }

    void close(@Observes ShutdownEvent event) {
        closed = true;
        relay.close();
    }
}
