package com.orderdesk.cartcom.kit.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The producers a service builds itself get the service's Kafka settings, security included. */
class KafkaClientsTest {

    @Test
    void aServicesSecuritySettingsReachItsOwnProducers() {
        Map<String, Object> serviceKafkaConfig = Map.of(
                "bootstrap.servers", "broker-1:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                "ssl.truststore.location", "/etc/kafka/ca.p12",
                "client.dns.lookup", "use_all_dns_ips");
        Map<String, Object> props = new KafkaClients(serviceKafkaConfig, "order-poller").producerConfig("outbox");

        assertEquals("broker-1:9093", props.get("bootstrap.servers"));
        assertEquals("SASL_SSL", props.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
        assertEquals(serviceKafkaConfig.get("sasl.jaas.config"), props.get("sasl.jaas.config"));
        assertEquals("/etc/kafka/ca.p12", props.get("ssl.truststore.location"));
        assertEquals("use_all_dns_ips", props.get("client.dns.lookup"));
        assertEquals("order-poller-outbox", props.get("client.id"));
    }

    @Test
    void theReliabilitySettingsCannotBeConfiguredAway() {
        Map<String, Object> careless = Map.of("bootstrap.servers", "b:9092", "acks", "0", "enable.idempotence", "false",
                "value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer", "linger.ms", "50");
        Map<String, Object> props = new KafkaClients(careless, "shipment-sync").producerConfig("outbox");

        assertEquals("all", props.get("acks"));
        assertEquals("true", props.get("enable.idempotence"));
        assertEquals("org.apache.kafka.common.serialization.StringSerializer", props.get("value.serializer"));
        assertEquals("50", props.get("linger.ms"), "tuning that does not weaken delivery is the deployment's");
    }

    @Test
    void channelOnlySettingsAreNotPassedToAProducer() {
        Map<String, Object> props = new KafkaClients(Map.of("bootstrap.servers", "b:9092", "group.id", "g",
                "auto.offset.reset", "earliest", "health-enabled", "true"), "settings-service").producerConfig("outbox");

        assertFalse(props.containsKey("group.id"));
        assertFalse(props.containsKey("auto.offset.reset"));
        assertFalse(props.containsKey("health-enabled"));
    }
}
