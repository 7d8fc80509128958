package com.orderdesk.cartcom.kit.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.kit.cartcom.CallLimit;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
