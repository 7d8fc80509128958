package com.orderdesk.cartcom.importer.support;

import com.orderdesk.cartcom.devstack.TopicAccess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain kafka-clients access to the devstack broker, as another service would see the topics. */
public final class KafkaTestClient implements AutoCloseable {
    private final String bootstrap;
    private final KafkaProducer<String, String> producer;

    public KafkaTestClient(String bootstrap) {
        this.bootstrap = bootstrap;
        this.producer = TopicAccess.producer(bootstrap);
    }

    public void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /** The partition the default partitioner gives a record with this key (the same hash as every producer). */
    public int partitionOf(String topic, String key) {
        return BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitionsOf(topic));
    }

    public int partitionsOf(String topic) {
        return producer.partitionsFor(topic).size();
    }

    /**
     * Sends the records in one produce request (one record batch per partition), so a consumer that is waiting
     * receives those of a partition in the same poll: how several orders of a store reach the importer together.
     */
    public void sendTogether(String topic, List<Map.Entry<String, String>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // Nothing leaves before flush(): the records are held, then sent at once.
        props.put(ProducerConfig.LINGER_MS_CONFIG, "60000");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(1024 * 1024));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> batching = new KafkaProducer<>(props)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (Map.Entry<String, String> record : records) {
                acks.add(batching.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())));
            }
            batching.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /** Reads the topic from the beginning until {@code wanted} matches (or the timeout ends); returns every match. */
    public List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> wanted,
                                                      int atLeast, Duration timeout) {
        return TopicAccess.read(bootstrap, topic, wanted, atLeast, timeout);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        return TopicAccess.header(record, name);
    }

    @Override
    public void close() {
        producer.close();
    }
}
