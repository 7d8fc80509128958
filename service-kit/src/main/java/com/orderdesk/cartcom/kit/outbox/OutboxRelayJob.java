package com.orderdesk.cartcom.kit.outbox;

import com.orderdesk.cartcom.kit.jdbc.Sql;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Drains the service's outbox to Kafka every {@code outbox.relay-every}. What a transient failure left unsent stays in
 * the outbox and goes out on a later run (a row Kafka refuses for a reason of its own is set aside instead: see
 * {@link OutboxRelay}); SKIP keeps one run at a time per instance, and the relay's row locks keep instances from
 * sending a row at once. On shutdown the relay stops: what is left goes out after the next start.
 */
@ApplicationScoped
public class OutboxRelayJob {
    /** The scheduled job's identity: operators (and tests) can pause and resume it through the Scheduler. */
    public static final String IDENTITY = "outbox-relay";
    private static final Logger LOG = Logger.getLogger(OutboxRelayJob.class);

    private final Sql sql;
    private final OutboxConfig config;
    private final KafkaClients kafka;
    private final MeterRegistry metrics;
    private OutboxRelay relay;
    private boolean closed;

    OutboxRelayJob(Sql sql, OutboxConfig config, KafkaClients kafka, MeterRegistry metrics) {
        this.sql = sql;
        this.config = config;
        this.kafka = kafka;
        this.metrics = metrics;
    }

    @Scheduled(identity = IDENTITY, every = "${outbox.relay-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayPending() {
        try {
            int sent = drainNow();
            if (sent > 0) {
                LOG.debugf("relayed %d outbox events", sent);
            }
        } catch (RuntimeException e) {
            // The relay's own failure only says it failed; what failed (the database, the broker) is its cause.
            LOG.warnf("outbox relay failed, will retry: %s", e.getCause() != null ? e.getCause() : e);
        }
    }

    /** Sends everything pending now; returns how many rows were settled, sent or set aside (0 once shut down). */
    public int drainNow() {
        OutboxRelay current = relay();
        return current == null ? 0 : current.drain();
    }

    /** Created on first use, so a service starts even while the broker is away. */
    private synchronized OutboxRelay relay() {
        if (relay == null && !closed) {
            relay = new OutboxRelay(sql, kafka.reliableProducer("outbox"), config.batchSize(),
                    config.sendTimeout().toMillis(), metrics);
        }
        return relay;
    }

    void close(@Observes ShutdownEvent event) {
        OutboxRelay current;
        synchronized (this) {
            closed = true;
            current = relay;
            relay = null;
        }
        if (current != null) {
            current.close();
        }
    }
}
