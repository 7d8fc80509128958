package com.orderdesk.cartcom.poller.publisher;

import com.orderdesk.cartcom.kit.outbox.KafkaClients;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.poller.client.FetchedOrder;
import com.orderdesk.cartcom.poller.config.PollerConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes fetched orders on cartcom.orders.raw.v1 and returns only when Kafka acknowledged every record
 * (acks=all, idempotent producer, built from the service's own kafka.* settings), so the caller may then advance
 * its cursor. No outbox here on purpose: the orders come from Cart.com, not from a local change, and the cursor
 * (advanced after the acks) is what makes the publication at-least-once.
 */
@ApplicationScoped
public class RawOrderPublisher {
    private final Producer<String, String> producer;
    private final PollerConfig config;

    public RawOrderPublisher(KafkaClients kafka, PollerConfig config) {
        this.producer = kafka.reliableProducer("orders");
        this.config = config;
    }

    /**
     * Publishes the orders Cart.com gave whole (at the store's snapshot version, with the manual import's id or null)
     * and returns them once Kafka acknowledged every one. The rest are left out: an order is never published blank,
     * the caller holds it ({@code HeldOrders}). Throws {@link PublishFailedException} if Kafka did not acknowledge.
     */
    public List<FetchedOrder> publishWhole(List<FetchedOrder> fetched, StoreIntegrationChanged store, UUID importId) {
        List<FetchedOrder> whole = fetched.stream().filter(FetchedOrder::whole).toList();
        publishAndAwait(whole.stream().map(o -> o.toEvent(store.storeId(), importId, store.version())).toList());
        return whole;
    }

    private void publishAndAwait(List<CartOrderFetched> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        try {
            for (CartOrderFetched event : events) {
                acks.add(producer.send(KafkaClients.recordOf(Topics.ORDERS_RAW, event)));
            }
            producer.flush();
            long deadline = System.nanoTime() + config.sendTimeout().toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new PublishFailedException("Kafka did not acknowledge " + events.size() + " orders: " + e, e);
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }

    /** The page was not (fully) acknowledged: the cursor must not move. */
    public static class PublishFailedException extends RuntimeException {
        public PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
