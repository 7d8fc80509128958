package com.orderdesk.cartcom.poller;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.poller.support.PollerTestBase;
import com.orderdesk.cartcom.poller.support.SandboxStores;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store's call limit: read from X-AC-Call-Limit and Retry-After, and one store's throttling is its own. */
@QuarkusTest
class CallBudgetTest extends PollerTestBase {

    @Test
    void aPollSlowsDownBeforeTheStoresLimitAndStaysWithinItsCallBudget() {
        // 8 calls per 10 s; 12 orders in pages of 2 take 6 pages of 3 calls: more than two windows' worth.
        SandboxStores.Store store = SandboxStores.create(Map.of("rate_limit", 8, "window_seconds", 10));
        List<Long> ids = SandboxStores.seed(store.domain(), 12, 1);
        long storeId = connect(store, List.of(1L));

        await().atMost(Duration.ofSeconds(90)).until(() -> published(storeId).size() >= 12);
        assertEquals(ids, published(storeId).stream().map(CartOrderFetched::cartOrderId).sorted().toList());
        assertTrue(published(storeId).stream().allMatch(e -> Long.valueOf(1).equals(e.storeVersion())),
                "each says the store settings version it was fetched under");
        List<JsonNode> calls = SandboxStores.calls(store.domain());
        assertTrue(calls.stream().noneMatch(c -> c.path("status").asInt() == 429), "ran into the limit: " + calls);
        // The budget: one list call per page (plus the one that finds the end) and one select_many each per page.
        int pages = ids.size() / 2;
        assertTrue(SandboxStores.listCalls(store.domain()).size() <= pages + 3, calls.toString());
        assertEquals(pages, SandboxStores.count(store.domain(), "/order_addresses/select_many"));
        assertEquals(pages, SandboxStores.count(store.domain(), "/customers/select_many"));
    }

    @Test
    void aThrottledStoreWaitsAsRetryAfterSaysInBothFormsWithoutDelayingOtherStores() throws InterruptedException {
        SandboxStores.Store seconds = SandboxStores.create(Map.of("window_seconds", 20, "retry_after_format", "seconds"));
        SandboxStores.Store httpDate = SandboxStores.create(Map.of("window_seconds", 20, "retry_after_format", "http-date"));
        for (SandboxStores.Store throttled : List.of(seconds, httpDate)) {
            SandboxStores.seed(throttled.domain(), 1, 1);
            SandboxStores.faults(throttled.domain(), Map.of("rate_limited_rate", 1.0));
            connect(throttled, List.of(1L));
        }
        SandboxStores.Store healthy = SandboxStores.createWithAnOrder();
        long healthyId = connect(healthy, List.of(1L));

        await().atMost(WAIT).until(() -> published(healthyId).size() == 1);
        // The healthy store keeps its 2 s interval (six polls, about 10 s); the throttled ones come back only when
        // Retry-After allows (about 20 s for the window): at most two calls each, where polling every 2 s would
        // have made six.
        await().atMost(WAIT).until(() -> SandboxStores.listCalls(healthy.domain()).size() >= 6);
        for (SandboxStores.Store throttled : List.of(seconds, httpDate)) {
            List<JsonNode> calls = SandboxStores.calls(throttled.domain());
            assertTrue(calls.size() <= 2 && calls.stream().allMatch(c -> c.path("status").asInt() == 429), calls.toString());
        }
    }
}
