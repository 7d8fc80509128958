package com.orderdesk.cartcom.poller.outbox;

import com.orderdesk.cartcom.model.outbox.OutboxRelay;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Sends the outbox (activity events) to Kafka about every second. */
@ApplicationScoped
public class OutboxRelayJob {
    private static final Logger LOG = Logger.getLogger(OutboxRelayJob.class);

    private final OutboxRelay relay;

    public OutboxRelayJob(AgroalDataSource dataSource, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.relay = new OutboxRelay(dataSource, OutboxRelay.newProducer(bootstrapServers, "order-poller-outbox"), 100, 10_000);
    }

    @Scheduled(every = "${poller.outbox-relay-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        try {
            relay.drain();
        } catch (RuntimeException e) {
            // The rows stay pending and are sent on a later run.
            LOG.warnf("outbox relay failed, will retry: %s", e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        relay.close();
    }
}
