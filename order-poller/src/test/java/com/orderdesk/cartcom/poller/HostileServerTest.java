package com.orderdesk.cartcom.poller;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.devstack.CartcomSandbox;
import com.orderdesk.cartcom.devstack.SandboxControl;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.poller.support.AttackerDns;
import com.orderdesk.cartcom.poller.support.PollerTestBase;
import com.orderdesk.cartcom.poller.support.SandboxStores;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: one store's Cart.com answers as a hostile or broken server would, each way at once on its own store, on
 * an instance with two polling workers (the isolation test's profile, so no restart, with the per-call check of each
 * store's domain on and {@link AttackerDns} answering): each hostile store gets a
 * classified failure in its activity (or, for Retry-After, a bounded wait), the poller stays up, and the healthy
 * stores' new orders are published within their interval all along. The measured delays are printed for
 * docs/bad-input.md.
 */
@QuarkusTest
@TestProfile(StoreIsolationTest.TwoWorkersAndSlowCartcom.class)
class HostileServerTest extends PollerTestBase {
    private final SandboxControl sandbox = CartcomSandbox.control();

    @Test
    void aHostileServerHurtsOnlyItsOwnStore() {
        Map<String, Long> healthy = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            SandboxStores.Store store = SandboxStores.createWithAnOrder();
            healthy.put(store.domain(), connect(store, List.of(1L)));
        }
        Map<String, Consumer<String>> attacks = new LinkedHashMap<>();
        attacks.put("next_page to another host", d -> sandbox.hostileNextPageUrl(d, "http://169.254.169.254/latest/{page}"));
        attacks.put("next_page over http on another port", d -> sandbox.hostileNextPageUrl(d, "http://127.0.0.1:1/x/{page}"));
        attacks.put("an endless next_page chain", sandbox::hostileEndlessNextPage);
        attacks.put("a 50 MB answer", sandbox::hostileHugeBody);
        attacks.put("a page of 10,000 rows", d -> sandbox.hostileRowsPerPage(d, 10_000));
        attacks.put("a redirect to an internal address", d -> sandbox.hostileRedirect(d, 307, "http://169.254.169.254/latest"));
        attacks.put("headers dribbled byte by byte", d -> sandbox.hostileDribble(d, 500, true));
        Map<String, Long> hostile = new LinkedHashMap<>();
        Map<String, String> domains = new LinkedHashMap<>();
        attacks.forEach((attack, arm) -> {
            SandboxStores.Store store = SandboxStores.createWithAnOrder();
            arm.accept(store.domain());
            domains.put(attack, store.domain());
            hostile.put(attack, connect(store, List.of(1L)));
        });
        // Rebinding: a connected store's domain now resolves to the cloud metadata address; no call may leave.
        SandboxStores.Store rebound = SandboxStores.createWithAnOrder();
        AttackerDns.point(rebound.domain(), "169.254.169.254");
        domains.put("a domain that resolves to a private address", rebound.domain());
        hostile.put("a domain that resolves to a private address", connect(rebound, List.of(1L)));
        SandboxStores.Store patient = SandboxStores.createWithAnOrder();
        sandbox.hostileRetryAfterTenYears(patient.domain(), "seconds");
        long patientId = connect(patient, List.of(1L));
        try {
            for (int round = 0; round < 2; round++) {
                assertHealthyStoresKeepImporting(healthy);
            }
            // Each attack ends in an outcome of its store's own: a classified failure in its activity, or, where the
            // poll never follows what the server named (a keyset walk reads no next_page link), its order published.
            Map<String, String> outcomes = new LinkedHashMap<>();
            hostile.forEach((attack, storeId) -> {
                await().atMost(WAIT).until(() -> !failures(storeId).isEmpty() || !published(storeId).isEmpty());
                outcomes.put(attack, failures(storeId).isEmpty() ? "its order imported (nothing followed)"
                        : "poll_failed: " + failures(storeId).get(0).message());
                System.out.printf("[hostile] %s: %s%n", attack, outcomes.get(attack));
            });
            assertTrue(outcomes.get("a 50 MB answer").contains("larger than"), outcomes.toString());
            // 10,000 orders with their items pass the body cap before the row count can be judged: either limit.
            assertTrue(outcomes.get("a page of 10,000 rows").contains("were asked for")
                    || outcomes.get("a page of 10,000 rows").contains("larger than"), outcomes.toString());
            assertTrue(outcomes.get("a redirect to an internal address").contains("307"), outcomes.toString());
            assertTrue(outcomes.get("headers dribbled byte by byte").contains("within"), outcomes.toString());
            assertTrue(outcomes.get("a domain that resolves to a private address").contains("not public"),
                    outcomes.toString());
            assertEquals(List.of(), SandboxStores.calls(rebound.domain()), "not one call reached the rebound store");
            for (String link : List.of("next_page to another host", "next_page over http on another port")) {
                assertTrue(outcomes.get(link).startsWith("its order imported")
                        || outcomes.get(link).contains("leaves the store's API"), outcomes.toString());
            }
            assertTrue(outcomes.get("an endless next_page chain").startsWith("its order imported")
                    || outcomes.get("an endless next_page chain").contains("pages"), outcomes.toString());
            // Ten years of Retry-After: the store waits (at most the cap, an hour), no failure, no call after the 429.
            await().atMost(WAIT).until(() -> !SandboxStores.calls(patient.domain()).isEmpty());
            assertHealthyStoresKeepImporting(healthy);
            assertEquals(1, SandboxStores.calls(patient.domain()).size(), SandboxStores.calls(patient.domain()).toString());
            assertTrue(failures(patientId).isEmpty());
        } finally {
            AttackerDns.forget(rebound.domain());
            domains.values().forEach(sandbox::clearHostile);
            sandbox.clearHostile(patient.domain());
        }
    }

    /** A new order on each healthy store, each published within the interval plus a little; prints the delays. */
    private static void assertHealthyStoresKeepImporting(Map<String, Long> healthy) {
        healthy.forEach((domain, storeId) -> {
            Instant before = Instant.now();
            long order = SandboxStores.seed(domain, 1, 1).get(0);
            await().atMost(WAIT).until(() -> publishedAt(storeId, order) != null);
            Duration took = Duration.between(before, publishedAt(storeId, order));
            System.out.printf("[hostile] healthy store %s: new order published after %d ms%n", domain, took.toMillis());
            assertTrue(took.compareTo(StoreIsolationTest.WITHIN) <= 0,
                    "a healthy store's order took " + took + " while the hostile stores were polled");
        });
    }

    private static Instant publishedAt(long storeId, long cartOrderId) {
        for (ConsumerRecord<String, String> record : raw().forKey(storeId)) {
            if (EventCodec.read(record.value(), CartOrderFetched.class).cartOrderId() == cartOrderId) {
                return Instant.ofEpochMilli(record.timestamp());
            }
        }
        return null;
    }

    private static List<ActivityRecorded> failures(long storeId) {
        return activities(storeId).stream().filter(e -> e.kind().equals("poll_failed")).toList();
    }
}
