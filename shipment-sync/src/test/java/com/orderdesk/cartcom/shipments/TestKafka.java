package com.orderdesk.cartcom.shipments;

import com.orderdesk.cartcom.devstack.TopicAccess;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.EventHeaders;
import com.orderdesk.cartcom.model.events.IntegrationEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Plain kafka-clients access to the devstack broker, as another service would publish and read. */
final class TestKafka implements AutoCloseable {
    private final String bootstrap;
    private final KafkaProducer<String, String> producer;

    TestKafka(String bootstrap) {
        this.bootstrap = bootstrap;
        this.producer = TopicAccess.producer(bootstrap);
    }

    void publish(String topic, IntegrationEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.key(), EventCodec.write(event));
        record.headers().add(EventHeaders.EVENT_TYPE, event.eventType().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        send(record);
    }

    void publishRaw(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    private void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + record.topic(), e);
        }
    }

    /** Every record of a topic from the beginning that matches, read until {@code within} has passed. */
    List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> matching,
                                              int atLeast, Duration within) {
        return TopicAccess.read(bootstrap, topic, matching, atLeast, within);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return TopicAccess.header(record, name);
    }

    @Override
    public void close() {
        producer.close();
    }
}
