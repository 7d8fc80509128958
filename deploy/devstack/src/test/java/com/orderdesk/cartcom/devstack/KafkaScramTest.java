package com.orderdesk.cartcom.devstack;

import com.orderdesk.cartcom.model.events.Topics;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broker whose only client listener requires SASL/SCRAM: its users get in, nobody else does. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaScramTest {
    static final Duration REFUSAL_TIMEOUT = Duration.ofSeconds(3);
    @TempDir
    static Path home;
    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.withScram(home, List.of("order-poller")).start();
        broker.createTopics(1);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    @Order(1)
    void itsUsersProduceAndConsume() throws Exception {
        assertTrue(broker.requiresSasl());
        assertEquals(Set.of(KafkaScram.ADMIN_USER, "order-poller"), broker.users());
        assertEquals("SASL_PLAINTEXT", broker.clientSecurity("order-poller").get("security.protocol"));
        assertEquals("SCRAM-SHA-512", broker.clientSecurity("order-poller").get("sasl.mechanism"));
        long logStart = KafkaLogins.logEnd(broker);
        KafkaClients.produce(broker, broker.clientSecurity("order-poller"), Topics.ORDERS_RAW, "k", "v1");
        assertEquals(List.of("k=v1"), KafkaClients.consumeAll(broker, broker.clientSecurity(), Topics.ORDERS_RAW));
        assertEquals(List.of(), KafkaLogins.refusals(broker, logStart));
    }

    @Test
    @Order(2)
    void aClientWithoutCredentialsIsRefused() {
        long logStart = KafkaLogins.logEnd(broker);
        System.out.println(KafkaLogins.assertRefusedWithoutCredentials(broker, REFUSAL_TIMEOUT));
        List<String> refusals = KafkaLogins.refusals(broker, logStart);
        assertFalse(refusals.isEmpty());
        assertTrue(refusals.stream().allMatch(r -> r.contains("Unexpected Kafka request of type METADATA during SASL "
                + "handshake")), refusals.toString());
    }

    @Test
    @Order(3)
    void aWrongPasswordIsRefusedAtOnce() {
        Map<String, String> wrong = new HashMap<>(broker.clientSecurity("order-poller"));
        wrong.put("sasl.jaas.config", wrong.get("sasl.jaas.config").replaceAll("password=\"[^\"]*\"",
                "password=\"wrong\""));
        KafkaLogins.Attempt attempt = KafkaLogins.listTopics(broker, wrong, Duration.ofSeconds(10));
        assertInstanceOf(SaslAuthenticationException.class, attempt.error(), attempt.toString());
        assertTrue(attempt.took().compareTo(Duration.ofSeconds(5)) < 0, attempt.toString());
        assertThrows(IllegalArgumentException.class, () -> broker.clientSecurity("nobody"));
    }

    @Test
    @Order(4)
    void theUsersStayAcrossARestartOfTheSameFolder() throws Exception {
        broker.stop();
        broker = KafkaBroker.withScram(home, List.of("order-poller")).start();
        assertEquals(List.of("k=v1"), KafkaClients.consumeAll(broker, broker.clientSecurity("order-poller"),
                Topics.ORDERS_RAW));
    }

    @Test
    @Order(5)
    void aFolderFormattedWithoutTheUsersIsNotStartedAsSasl(@TempDir Path other) throws Exception {
        Files.createDirectories(other.resolve("data"));
        Files.writeString(other.resolve("data/meta.properties"), "formatted by a plain broker\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KafkaBroker.withScram(other, List.of()).start());
        assertTrue(e.getMessage().contains("formatted without the SCRAM users"), e.getMessage());
    }
}
