package com.orderdesk.cartcom.importer.listener;

import com.orderdesk.cartcom.importer.config.ImporterConfig;
import com.orderdesk.cartcom.importer.service.ImportFailureReporter;
import com.orderdesk.cartcom.importer.service.OrderImportService;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.MalformedEventException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Imports the orders the poller fetched. A record that can never import (not JSON, ids missing, unknown or
 * inactive store) goes to the dead-letter topic with its reason at once; any other failure (database down, a
 * lost race on the unique key) is retried a few times first. Records are processed in order, one at a time,
 * which keeps per-store order (the key is the store id).
 */
@ApplicationScoped
public class RawOrderListener {
    public static final String CHANNEL = "raw-orders";
    private static final Logger LOG = Logger.getLogger(RawOrderListener.class);

    @Inject
    OrderImportService importer;
    @Inject
    ImporterConfig config;
    @Inject
    ImportFailureReporter failures;

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        CartOrderFetched event;
        try {
            // Keyed by the store id (CONTRACTS.md): per-store order rests on it, so another key is a malformed record.
            String key = message.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> (String) m.getKey()).orElse(null);
            event = EventCodec.readKeyed(key, message.getPayload(), CartOrderFetched.class);
        } catch (MalformedEventException e) {
            LOG.warnf("Raw order sent to the dead-letter topic: %s", e.getMessage());
            return DeadLetters.send(message, e);
        }
        int attempts = Math.max(1, config.importing().attempts());
        for (int attempt = 1; ; attempt++) {
            try {
                importer.importOrder(event);
                return message.ack();
            } catch (MalformedEventException e) {
                LOG.warnf("Cart.com order %d of store %d sent to the dead-letter topic: %s", event.cartOrderId(),
                        event.storeId(), e.getMessage());
                return deadLetter(message, event, e);
            } catch (RuntimeException e) {
                if (attempt >= attempts) {
                    LOG.errorf(e, "Cart.com order %d of store %d failed %d times; sent to the dead-letter topic",
                            event.cartOrderId(), event.storeId(), attempt);
                    return deadLetter(message, event, new IllegalStateException(
                            "import failed after " + attempt + " attempts: " + e, e));
                }
                LOG.warnf("Import of Cart.com order %d of store %d failed (attempt %d), retrying: %s",
                        event.cartOrderId(), event.storeId(), attempt, e.toString());
                sleep(200L * attempt);
            }
        }
    }

    /** The order's failure is reported with the order (best effort: the database may be what failed), then dead-lettered. */
    private CompletionStage<Void> deadLetter(Message<String> message, CartOrderFetched event, Exception reason) {
        try {
            failures.reportFailed(event, reason.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("Could not report the failure of Cart.com order %d of store %d: %s", event.cartOrderId(),
                    event.storeId(), e.toString());
        }
        return DeadLetters.send(message, reason);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
