package com.orderdesk.cartcom.poller.support;

import com.orderdesk.cartcom.devstack.TopicAccess;
import com.orderdesk.cartcom.model.crypto.EncryptedToken;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.IntegrationEvent;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plain kafka-clients access to the devstack broker: send records, and collect a topic from its beginning. */
public final class KafkaTestSupport {
    private static KafkaProducer<String, String> producer;

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public static synchronized void send(String topic, String key, String value) {
        if (producer == null) {
            producer = TopicAccess.producer(bootstrap());
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    public static void send(String topic, IntegrationEvent event) {
        send(topic, event.key(), EventCodec.write(event));
    }

    /** A store snapshot as settings-service would publish it, the token sealed with the test key. */
    public static StoreIntegrationChanged snapshot(long storeId, long version, boolean enabled, String domain, String token,
                                                   List<Long> downloadStatusIds) {
        TokenCrypto crypto = TokenCrypto.fromConfig(
                ConfigProvider.getConfig().getValue("cartcom.token-keys", String.class),
                ConfigProvider.getConfig().getValue("cartcom.token-key-id", String.class));
        return snapshot(crypto, storeId, version, enabled, domain, token, downloadStatusIds);
    }

    /** The same, sealed with the given keys (tests outside Quarkus). */
    public static StoreIntegrationChanged snapshot(TokenCrypto crypto, long storeId, long version, boolean enabled, String domain,
                                                   String token, List<Long> downloadStatusIds) {
        EncryptedToken sealed = crypto.encrypt(storeId, domain, token);
        return new StoreIntegrationChanged(UUID.randomUUID(), StoreIntegrationChanged.TYPE, 1, Instant.now(), storeId, version,
                true, enabled, domain, sealed.ciphertext(), sealed.keyId(), "hash", "America/Chicago", 5, downloadStatusIds,
                1L, 3L, null, true, "CC-", List.of());
    }

    /** Everything on a topic from the beginning, read by a background thread until the JVM ends. */
    public static final class TopicRecords {
        private final List<ConsumerRecord<String, String>> records = new CopyOnWriteArrayList<>();

        public static TopicRecords collect(String topic) {
            TopicRecords collected = new TopicRecords();
            Thread reader = new Thread(() -> collected.read(topic), "test-reader-" + topic);
            reader.setDaemon(true);
            reader.start();
            return collected;
        }

        private void read(String topic) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                while (true) {
                    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                }
            }
        }

        public List<ConsumerRecord<String, String>> forKey(long storeId) {
            String key = Long.toString(storeId);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records) {
                if (key.equals(record.key())) {
                    found.add(record);
                }
            }
            return found;
        }

        public <T extends IntegrationEvent> List<T> events(long storeId, Class<T> type) {
            return forKey(storeId).stream().map(r -> EventCodec.read(r.value(), type)).toList();
        }
    }

    private KafkaTestSupport() {
    }
}
