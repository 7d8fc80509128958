package com.orderdesk.cartcom.kit.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.kit.cartcom.CallLimit;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When order-poller cannot be reached, a service keeps calling Cart.com on a budget of its own instead of stopping. */
class RemoteCallBudgetTest {

    @Test
    void withNoPollerToAskTheServiceKeepsItsOwnBudgetOfTheSameRules() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RemoteCallBudget budget = new RemoteCallBudget(List.of(URI.create("http://127.0.0.1:" + closedPort)), "token",
                BudgetTiming.CARTCOM, Duration.ofMillis(500), Duration.ofSeconds(30), Clock.systemUTC());
        int granted = 0;
        for (int i = 0; i < 15; i++) {
            granted += budget.take("acme.example.com", CallKind.CUSTOMER_VISIBLE).granted() ? 1 : 0;
        }
        assertEquals(10, granted, "Bronze's limit until the store says otherwise");
        Slot refused = budget.take("acme.example.com", CallKind.CUSTOMER_VISIBLE);
        budget.answered("acme.example.com", refused, new Answer(200, Optional.of(new CallLimit(10, 20)), Optional.empty()));
        assertTrue(budget.take("acme.example.com", CallKind.CUSTOMER_VISIBLE).granted(), "learns the store's limit all the same");
    }

    @Test
    void aPollerSlowForOneRequestRefusesThatCallForAMomentAndKeepsTheSharedBudget() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        CountDownLatch pollerBusy = new CountDownLatch(1);
        HttpServer poller = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        poller.setExecutor(Executors.newCachedThreadPool());
        poller.createContext("/internal/call-budget/", exchange -> {
            if (requests.incrementAndGet() == 1) {
                awaitQuietly(pollerBusy); // busy past the request timeout below, until the test is over
            }
            byte[] body = "{\"granted\":true,\"used\":3,\"limit\":20}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        poller.start();
        try {
            // A timeout generous enough for the second request's answer on a loaded machine; the first never answers.
            RemoteCallBudget budget = new RemoteCallBudget(List.of(URI.create("http://127.0.0.1:"
                    + poller.getAddress().getPort())), "token", BudgetTiming.CARTCOM, Duration.ofSeconds(1),
                    Duration.ofSeconds(30), Clock.systemUTC());
            Instant before = Instant.now();
            Slot unanswered = budget.take("acme.example.com", CallKind.POLLING);
            assertFalse(unanswered.granted(), "no slot the shared budget did not grant");
            assertFalse(unanswered.retryAt().isBefore(before.plus(RemoteCallBudget.ASK_AGAIN_AFTER)));
            Slot next = budget.take("acme.example.com", CallKind.POLLING);
            assertTrue(next.granted());
            assertEquals(20, next.limit(), "asked of the shared budget (its own would assume Bronze's 10)");
        } finally {
            pollerBusy.countDown();
            poller.stop(0);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void onlyNewsIsReported() {
        Slot slot = Slot.granted(4, 10);
        assertFalse(new Answer(200, Optional.of(new CallLimit(4, 10)), Optional.empty()).newsAfter(slot));
        assertFalse(new Answer(200, Optional.empty(), Optional.empty()).newsAfter(slot));
        assertTrue(new Answer(200, Optional.of(new CallLimit(6, 10)), Optional.empty()).newsAfter(slot));
        assertTrue(new Answer(200, Optional.of(new CallLimit(4, 20)), Optional.empty()).newsAfter(slot));
        assertTrue(new Answer(429, Optional.empty(), Optional.empty()).newsAfter(slot));
        Slot first = Slot.granted(1, 10);
        assertTrue(new Answer(200, Optional.of(new CallLimit(1, 10)), Optional.empty()).newsAfter(first),
                "the call that opened both windows says when Cart.com's opened");
    }
}
