package com.orderdesk.cartcom.kit.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.kit.cartcom.CallLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of one store's budget: the limit, shares by priority, what Cart.com's answers teach, the window's clock. */
class CallWindowTest {
    private static final BudgetTiming TIMING = BudgetTiming.CARTCOM;
    private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void neverGrantsMoreThanTheLimitInOneWindowAndOpensTheNextOneAfterWindowAndMargin() {
        CallWindow window = new CallWindow(10);
        for (int i = 0; i < 10; i++) {
            assertTrue(window.take(CallKind.POLLING, T0.plusMillis(i), TIMING).granted());
        }
        Slot refused = window.take(CallKind.POLLING, T0.plusSeconds(9), TIMING);
        assertFalse(refused.granted());
        // 10 s of Cart.com's window, 0.5 s of margin, 100 ms of stagger for polling (third in line).
        assertEquals(T0.plusMillis(10_600), refused.retryAt());
        assertFalse(window.take(CallKind.POLLING, T0.plusMillis(10_499), TIMING).granted());
        assertTrue(window.take(CallKind.POLLING, T0.plusMillis(10_500), TIMING).granted());
    }

    @Test
    void eachKindWithWorkKeepsItsShareAndTheRestGoesToWhoeverAsks() {
        CallWindow window = new CallWindow(10);
        // Polling alone may take the whole window: nobody else has work.
        assertEquals(10, grantedOf(window, CallKind.POLLING, 20, T0));
        // Next window: acknowledgements and a manual import have work too.
        Instant next = T0.plusSeconds(11);
        window.take(CallKind.CUSTOMER_VISIBLE, next, TIMING);
        window.take(CallKind.IMPORT_SWEEP, next, TIMING);
        int polling = grantedOf(window, CallKind.POLLING, 20, next);
        // 10 - 1 - 1 taken, minus what stays held: acknowledgements 4 - 1, the sweep 1 - 1.
        assertEquals(5, polling);
        assertEquals(3, grantedOf(window, CallKind.CUSTOMER_VISIBLE, 20, next), "its share was held for it");
        assertEquals(0, grantedOf(window, CallKind.IMPORT_SWEEP, 5, next));
    }

    @Test
    void noKindStarvesBesideABusyOneAndTheMerchantIsServedFirst() {
        CallWindow window = new CallWindow(10);
        Map<CallKind, Integer> granted = new EnumMap<>(CallKind.class);
        // Ten windows with every kind asking for more than the window holds, lowest priority first each time.
        for (int w = 0; w < 10; w++) {
            Instant start = T0.plusMillis(w * 10_500L);
            for (int round = 0; round < 10; round++) {
                for (int k = CallKind.values().length - 1; k >= 0; k--) {
                    CallKind kind = CallKind.values()[k];
                    if (window.take(kind, start.plusMillis(round), TIMING).granted()) {
                        granted.merge(kind, 1, Integer::sum);
                    }
                }
            }
        }
        assertEquals(100, granted.values().stream().mapToInt(Integer::intValue).sum(), granted.toString());
        for (CallKind kind : CallKind.values()) {
            assertTrue(granted.getOrDefault(kind, 0) >= kind.share(10) * 10, kind + " got its share: " + granted);
        }
        Slot merchant = new CallWindow(10).take(CallKind.MERCHANT, T0, TIMING);
        CallWindow full = new CallWindow(1);
        full.take(CallKind.POLLING, T0, TIMING);
        assertTrue(full.take(CallKind.MERCHANT, T0, TIMING).retryAt()
                .isBefore(full.take(CallKind.IMPORT_SWEEP, T0, TIMING).retryAt()), "the merchant comes back first");
        assertTrue(merchant.granted());
    }

    @Test
    void learnsTheStoresLimitAndCallsItDidNotGrantFromCartcomsCount() {
        CallWindow window = new CallWindow(10);
        window.take(CallKind.POLLING, T0, TIMING);
        window.answered(answer(200, 15, 20), T0.plusMillis(50), TIMING);
        assertEquals(20, window.limit());
        // Cart.com counted 15 where one slot was granted: another app spends the same store's limit.
        assertEquals(5, grantedOf(window, CallKind.POLLING, 20, T0.plusMillis(60)));
        window.answered(answer(200, 3, 0), T0.plusMillis(70), TIMING);
        assertEquals(20, window.limit(), "a limit of 0 is not believed");
        window.answered(answer(200, 3, 100_000), T0.plusMillis(80), TIMING);
        assertEquals(10_000, window.limit(), "a huge limit is held to a window's worth, not ignored");
    }

    @Test
    void theAnswerThatOpenedCartcomsWindowEndsTheBudgetsAWindowAfterIt() {
        CallWindow window = new CallWindow(10);
        assertEquals(10, grantedOf(window, CallKind.POLLING, 10, T0));
        // The first call came back 80 ms after its slot, counted first: Cart.com's window ends by T0 + 10.08 s.
        window.answered(answer(200, 1, 10), T0.plusMillis(80), TIMING);
        Slot refused = window.take(CallKind.POLLING, T0.plusSeconds(9), TIMING);
        assertEquals(T0.plusMillis(10_180), refused.retryAt(), "the answer's time, a window, polling's stagger");
        assertTrue(window.take(CallKind.POLLING, T0.plusMillis(10_080), TIMING).granted());

        // A slow first answer (past the margin) changes nothing: the margin already ends the window sooner.
        CallWindow slow = new CallWindow(10);
        slow.take(CallKind.POLLING, T0, TIMING);
        slow.answered(answer(200, 1, 10), T0.plusMillis(900), TIMING);
        assertEquals(9, grantedOf(slow, CallKind.POLLING, 9, T0.plusSeconds(1)));
        assertEquals(T0.plusMillis(10_600), slow.take(CallKind.POLLING, T0.plusSeconds(9), TIMING).retryAt());
    }

    @Test
    void aRateLimitedAnswerStopsEveryKindUntilRetryAfter() {
        CallWindow window = new CallWindow(10);
        window.take(CallKind.POLLING, T0, TIMING);
        window.answered(new Answer(429, Optional.of(new CallLimit(10, 10)), Optional.of(Duration.ofSeconds(30))),
                T0.plusMillis(10), TIMING);
        Slot merchant = window.take(CallKind.MERCHANT, T0.plusSeconds(20), TIMING);
        assertFalse(merchant.granted());
        assertEquals(T0.plusMillis(30_010), merchant.retryAt());
        assertFalse(window.take(CallKind.MERCHANT, T0.plusMillis(30_010), TIMING).granted(), "and the margin");
        assertTrue(window.take(CallKind.MERCHANT, T0.plusMillis(30_510), TIMING).granted());
    }

    @Test
    void aRateLimitedAnswerSaysWhenCartcomsWindowEndsAndTheNextOneStartsFreshThen() {
        CallWindow window = new CallWindow(10);
        for (int i = 0; i < 5; i++) {
            window.take(CallKind.POLLING, T0, TIMING);
        }
        // Cart.com counted its whole window (another app), refused, and says it resets in 3 s.
        window.answered(new Answer(429, Optional.of(new CallLimit(10, 10)), Optional.of(Duration.ofSeconds(3))),
                T0.plusSeconds(1), TIMING);
        Slot refused = window.take(CallKind.POLLING, T0.plusSeconds(2), TIMING);
        assertEquals(T0.plusMillis(4_100), refused.retryAt(), "Retry-After, and polling's place in line");
        assertEquals(10, grantedOf(window, CallKind.POLLING, 20, T0.plusMillis(4_500)), "a fresh window, not the rest of ours");
    }

    @Test
    void survivesItsOwnTextAndStartsAfreshFromUnreadableText() {
        CallWindow window = new CallWindow(10);
        window.take(CallKind.CUSTOMER_VISIBLE, T0, TIMING);
        window.answered(answer(200, 1, 20), T0, TIMING);
        CallWindow read = CallWindow.fromText(window.toText(), 10);
        assertEquals(window.toText(), read.toText());
        assertEquals(20, read.limit());
        assertEquals(new CallWindow(10).toText(), CallWindow.fromText("1 2 x", 10).toText());
        assertEquals(new CallWindow(10).toText(), CallWindow.fromText("", 10).toText());
    }

    private static int grantedOf(CallWindow window, CallKind kind, int asks, Instant at) {
        int granted = 0;
        for (int i = 0; i < asks; i++) {
            if (window.take(kind, at, TIMING).granted()) {
                granted++;
            }
        }
        return granted;
    }

    private static Answer answer(int status, int used, int max) {
        return new Answer(status, Optional.of(new CallLimit(used, max)), Optional.empty());
    }
}
