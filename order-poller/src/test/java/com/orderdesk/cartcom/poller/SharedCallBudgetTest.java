package com.orderdesk.cartcom.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.kit.budget.Answer;
import com.orderdesk.cartcom.kit.budget.BudgetTiming;
import com.orderdesk.cartcom.kit.budget.CallBudget;
import com.orderdesk.cartcom.kit.budget.CallKind;
import com.orderdesk.cartcom.kit.budget.RemoteCallBudget;
import com.orderdesk.cartcom.kit.budget.Slot;
import com.orderdesk.cartcom.kit.cartcom.CallLimit;
import com.orderdesk.cartcom.poller.repository.CallBudgetLedger;
import com.orderdesk.cartcom.poller.support.PollerTestBase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The one call budget per store (issue 20): the poller's ledger and the other services through
 * {@code /internal/call-budget} count the same window, so callers of every service together never get more slots than
 * the store's limit; Cart.com's answers teach it; only the admin token may use it, and bad input changes nothing.
 */
@QuarkusTest
class SharedCallBudgetTest extends PollerTestBase {
    private static final String ADMIN = "test-admin-token";

    @Inject
    CallBudgetLedger ledger;

    @TestHTTPResource("/")
    URI poller;

    @Test
    void callersOfEveryServiceTogetherGetNoMoreThanTheStoresLimitInAWindow() throws Exception {
        String store = "store-" + newStoreId() + ".example.com";
        CallBudget importer = remote();
        CallBudget shipmentSync = remote();
        List<Callable<Boolean>> asks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            asks.add(() -> ledger.take(store, CallKind.POLLING).granted());
            asks.add(() -> importer.take(store, CallKind.CUSTOMER_VISIBLE).granted());
            asks.add(() -> shipmentSync.take(store, CallKind.CUSTOMER_VISIBLE).granted());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        int granted = 0;
        try {
            for (Future<Boolean> ask : pool.invokeAll(asks)) {
                granted += ask.get() ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }
        // 36 asks within far less than a window; the store's limit is assumed Bronze's until an answer says.
        assertEquals(10, granted);
        Slot refused = importer.take(store, CallKind.CUSTOMER_VISIBLE);
        assertFalse(refused.granted());
        assertTrue(refused.retryAt().isAfter(java.time.Instant.now()), refused.toString());

        // An answer saying Silver (and counting the ten) lets ten more through in the same window.
        importer.answered(store, refused, new Answer(200, Optional.of(new CallLimit(10, 20)), Optional.empty()));
        int more = 0;
        for (int i = 0; i < 15; i++) {
            more += shipmentSync.take(store, CallKind.CUSTOMER_VISIBLE).granted() ? 1 : 0;
            more += ledger.take(store, CallKind.POLLING).granted() ? 1 : 0;
        }
        assertEquals(10, more);
    }

    @Test
    void aRateLimitedAnswerReportedByOneServiceStopsTheOthers() {
        String store = "store-" + newStoreId() + ".example.com";
        CallBudget importer = remote();
        Slot slot = importer.take(store, CallKind.CUSTOMER_VISIBLE);
        importer.answered(store, slot, new Answer(429, Optional.empty(), Optional.of(Duration.ofSeconds(40))));
        Slot poll = ledger.take(store, CallKind.MERCHANT);
        assertFalse(poll.granted());
        assertTrue(poll.retryAt().isAfter(java.time.Instant.now().plusSeconds(30)), poll.toString());
    }

    @Test
    void onlyTheAdminTokenMayTakeSlotsAndBadInputChangesNothing() throws Exception {
        String store = "store-" + newStoreId() + ".example.com";
        assertEquals(401, post(store, "slots", "{\"kind\":\"polling\"}", null).statusCode());
        assertEquals(401, post(store, "slots", "{\"kind\":\"polling\"}", "not-the-token").statusCode());
        HttpResponse<String> badKind = post(store, "slots", "{\"kind\":\"everything\"}", ADMIN);
        assertEquals(400, badKind.statusCode());
        assertTrue(badKind.body().contains("unknown call kind"), badKind.body());
        assertEquals(400, post(store, "answers", "{\"status\":429,\"retry_after_ms\":-5}", ADMIN).statusCode());
        assertEquals(400, post(store, "answers", "{\"status\":200,\"used\":3,\"max\":0}", ADMIN).statusCode());
        assertEquals(400, post(store, "answers", "{\"status\":\"soon\"}", ADMIN).statusCode());
        assertEquals(400, post("bad_domain!", "slots", "{\"kind\":\"polling\"}", ADMIN).statusCode());
        assertEquals(400, post("a".repeat(254), "slots", "{\"kind\":\"polling\"}", ADMIN).statusCode());
        // None of it blocked or spent the store's budget, which is the domain's whatever its case.
        HttpResponse<String> slot = post(store.toUpperCase(java.util.Locale.ROOT), "slots", "{\"kind\":\"polling\"}", ADMIN);
        assertEquals(200, slot.statusCode());
        assertEquals("{\"granted\":true,\"used\":1,\"limit\":10}", slot.body());
    }

    private RemoteCallBudget remote() {
        return new RemoteCallBudget(List.of(poller), ADMIN, BudgetTiming.CARTCOM, Duration.ofSeconds(2),
                Duration.ofSeconds(30), Clock.systemUTC());
    }

    private HttpResponse<String> post(String store, String what, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(poller.resolve("/internal/call-budget/stores/" + store + "/" + what))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
