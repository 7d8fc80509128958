package com.orderdesk.cartcom.e2e.badinput;

import com.orderdesk.cartcom.model.events.EventHeaders;
import com.orderdesk.cartcom.model.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything on every {@code <topic>.dlq}, read from the start. SmallRye's dead-letter strategy names the record it
 * gave up on (topic, partition, offset headers), so each dead letter can be traced to the bad record it came from.
 */
final class DeadLetterLog implements AutoCloseable {
    private static final String ORIGIN_TOPIC = "dead-letter-topic";
    private static final String ORIGIN_PARTITION = "dead-letter-partition";
    private static final String ORIGIN_OFFSET = "dead-letter-offset";

    /** One dead letter; {@code consumer} is set only by services that name themselves ({@link EventHeaders#DLQ_CONSUMER}). */
    record DeadLetter(String dlqTopic, String key, String originTopic, int originPartition, long originOffset,
                      String reason, String consumer) {
        boolean isFrom(String topic, int partition, long offset) {
            return topic.equals(originTopic) && partition == originPartition && offset == originOffset;
        }

        @Override
        public String toString() {
            return originTopic + "[" + originPartition + "@" + originOffset + "] key=" + key + " reason=" + reason
                    + (consumer.isEmpty() ? "" : " consumer=" + consumer);
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final List<DeadLetter> letters = new ArrayList<>();

    /** {@code clientConfig}: where the broker is and how to log in ({@code LocalSystem.kafkaClientConfig()}). */
    DeadLetterLog(Map<String, Object> clientConfig) {
        Properties props = new Properties();
        props.putAll(clientConfig);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        for (String topic : Topics.ALL) {
            consumer.partitionsFor(Topics.dlq(topic)).forEach(info ->
                    partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every dead letter written so far. */
    synchronized List<DeadLetter> all() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!caughtUp(ends) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                Headers headers = record.headers();
                letters.add(new DeadLetter(record.topic(), record.key(), header(headers, ORIGIN_TOPIC),
                        Integer.parseInt(header(headers, ORIGIN_PARTITION, "-1")),
                        Long.parseLong(header(headers, ORIGIN_OFFSET, "-1")), header(headers, EventHeaders.DLQ_REASON),
                        header(headers, EventHeaders.DLQ_CONSUMER)));
            }
        }
        return List.copyOf(letters);
    }

    /** The dead letters of one record (one per consumer group that gave up on it). */
    List<DeadLetter> of(String topic, int partition, long offset) {
        return all().stream().filter(letter -> letter.isFrom(topic, partition, offset)).toList();
    }

    private boolean caughtUp(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static String header(Headers headers, String name) {
        return header(headers, name, "");
    }

    private static String header(Headers headers, String name, String absent) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? absent : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
