package com.orderdesk.cartcom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.devstack.KafkaBroker;
import com.orderdesk.cartcom.devstack.KafkaLogins;
import com.orderdesk.cartcom.launcher.LocalSystem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The thin path ({@link ThinPath}) against a broker whose only client listener requires SASL/SCRAM, each service
 * logging in as its own user through its Kafka configuration ({@code kafka.security.protocol}, {@code
 * kafka.sasl.mechanism}, {@code kafka.sasl.jaas.config}): it shows that every Kafka client a service creates, its
 * channels' and its own producers' alike, is configured from that configuration. First, a client without credentials
 * is refused; last, the broker refused no connection while the system carried the store through.
 */
class SaslThinPathIT extends ThinPath {
    private static final Duration REFUSAL_TIMEOUT = Duration.ofSeconds(3);

    /** Where the broker's log stood after this test's own refused clients. */
    private long logAfterRefusals;

    @Override
    LocalSystem.Options options(LocalSystem.Options plain) {
        return plain.withKafkaSasl(true);
    }

    @Test
    @Order(0)
    void aKafkaClientWithoutCredentialsIsRefused() {
        KafkaBroker broker = system.stack().kafka();
        assertTrue(broker.requiresSasl(), "the system runs on the SASL-only broker");
        System.out.println("[sasl] " + KafkaLogins.assertRefusedWithoutCredentials(broker, REFUSAL_TIMEOUT));
        logAfterRefusals = KafkaLogins.logEnd(broker);
    }

    @Test
    @Order(6)
    void theBrokerRefusedNoClientOfTheServices() {
        assertEquals(List.of(), KafkaLogins.refusals(system.stack().kafka(), logAfterRefusals),
                "connections the broker refused while the services worked (a Kafka client without the service's "
                        + "credentials)");
    }
}
