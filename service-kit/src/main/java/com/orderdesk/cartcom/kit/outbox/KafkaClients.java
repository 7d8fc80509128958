package com.orderdesk.cartcom.kit.outbox;

import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.EventHeaders;
import com.orderdesk.cartcom.model.events.IntegrationEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Kafka producers that a service creates itself (the outbox relay, the poller's raw orders), built from the same
 * {@code kafka.*} configuration as the service's channels: a deployment's TLS, SASL or client settings reach them
 * exactly as they reach the channels. The settings the at-least-once design relies on are set over it.
 */
@ApplicationScoped
public class KafkaClients {
    private static final Set<String> PRODUCER_KEYS = ProducerConfig.configNames();

    private final Map<String, Object> kafkaConfig;
    private final String applicationName;

    KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                 @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.applicationName = applicationName;
    }

    /** A producer whose every send is acknowledged by all in-sync replicas and never doubled by its own retries. */
    public Producer<String, String> reliableProducer(String purpose) {
        Map<String, Object> props = producerConfig(purpose);
        return new KafkaProducer<>(props);
    }

    /**
     * The same for a caller that answers someone waiting (a webhook): a send blocks at most {@code maxBlock} for
     * metadata or buffer space, instead of the default 10 s.
     */
    public Producer<String, String> reliableProducer(String purpose, Duration maxBlock) {
        Map<String, Object> props = producerConfig(purpose);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(maxBlock.toMillis()));
        return new KafkaProducer<>(props);
    }

    /** An event as CONTRACTS.md puts it on a topic: keyed by its store, headers repeating its type and id. */
    public static ProducerRecord<String, String> recordOf(String topic, IntegrationEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.key(), EventCodec.write(event));
        record.headers().add(EventHeaders.EVENT_TYPE, event.eventType().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** The service's own Kafka settings that a producer understands, plus the reliability settings. */
    Map<String, Object> producerConfig(String purpose) {
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (PRODUCER_KEYS.contains(key)) {
                props.put(key, value);
            }
        });
        props.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-" + purpose);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }
}
