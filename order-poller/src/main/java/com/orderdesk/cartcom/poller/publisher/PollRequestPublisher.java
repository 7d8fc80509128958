package com.orderdesk.cartcom.poller.publisher;

import com.orderdesk.cartcom.kit.outbox.KafkaClients;
import com.orderdesk.cartcom.model.events.PollRequested;
import com.orderdesk.cartcom.model.events.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Publishes early-poll requests on cartcom.poll-requests.v1 without waiting: the webhook that asked must be answered
 * within Cart.com's 3 seconds, and a request that Kafka loses costs only latency (the interval poll still comes).
 */
@ApplicationScoped
public class PollRequestPublisher {
    private static final Logger LOG = Logger.getLogger(PollRequestPublisher.class);

    private final Producer<String, String> producer;

    public PollRequestPublisher(KafkaClients kafka) {
        // Never hold the webhook's answer for long when Kafka is away.
        this.producer = kafka.reliableProducer("poll-requests", Duration.ofMillis(500));
    }

    public void publish(PollRequested request) {
        ProducerRecord<String, String> record = KafkaClients.recordOf(Topics.POLL_REQUESTS, request);
        try {
            producer.send(record, (metadata, failure) -> {
                if (failure != null) {
                    LOG.warnf("early poll of store %d not requested (%s): it waits for its interval", request.storeId(),
                            failure.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("early poll of store %d not requested (%s): it waits for its interval", request.storeId(), e.toString());
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
