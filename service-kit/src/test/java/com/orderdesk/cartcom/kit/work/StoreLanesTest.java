package com.orderdesk.cartcom.kit.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The claim loop both queue workers share: busy stores left out, extras given back, wake-ups at a store's time. */
class StoreLanesTest {

    private record Call(long storeId, String name) implements StoreLanes.Item {
    }

    /** A queue in memory: items due at a time, claimed by removing them, given back with a new due time. */
    private static final class FakeQueue {
        private record Waiting(Call call, Instant due) {
        }

        final List<Waiting> waiting = new ArrayList<>();
        final List<Collection<Long>> busyAtClaims = new CopyOnWriteArrayList<>();
        final List<Call> released = new CopyOnWriteArrayList<>();

        synchronized void add(Call call, Instant due) {
            waiting.add(new Waiting(call, due));
        }

        synchronized List<Call> claimDue(Collection<Long> busyStores) {
            busyAtClaims.add(busyStores);
            Instant now = Instant.now();
            List<Call> claimed = waiting.stream()
                    .filter(w -> !w.due().isAfter(now) && !busyStores.contains(w.call().storeId()))
                    .map(Waiting::call).toList();
            waiting.removeIf(w -> claimed.contains(w.call()));
            return claimed;
        }

        synchronized void release(List<Call> calls, Instant at) {
            released.addAll(calls);
            calls.forEach(call -> add(call, at));
        }
    }

    @Test
    void aBusyStoreIsLeftOutOfTheClaimAndTheStoresBeyondTheThreadsWaitForAFreeOne() throws Exception {
        FakeQueue queue = new FakeQueue();
        queue.add(new Call(1, "a1"), Instant.now());
        queue.add(new Call(1, "a2"), Instant.now());
        queue.add(new Call(2, "b1"), Instant.now());
        queue.add(new Call(3, "c1"), Instant.now());
        CountDownLatch storeOneMayFinish = new CountDownLatch(1);
        BlockingQueue<List<Call>> worked = new LinkedBlockingQueue<>();
        try (StoreLanes<Call> lanes = new StoreLanes<>("test", 2, queue::claimDue, queue::release, (store, calls) -> {
            if (store == 1) {
                await(storeOneMayFinish);
            }
            worked.add(calls);
            return Instant.now();
        }, () -> false)) {
            lanes.claimAndStart();
            assertEquals(List.of(new Call(3, "c1")), queue.released, "two threads: the third store is given back");

            assertEquals(List.of(new Call(2, "b1")), worked.poll(5, TimeUnit.SECONDS));
            // Store 2's thread free again, the worker claims at once, without a tick, and leaves busy store 1 out.
            assertEquals(List.of(new Call(3, "c1")), worked.poll(5, TimeUnit.SECONDS));
            assertEquals(List.of(1L), List.copyOf(queue.busyAtClaims.get(1)));
            storeOneMayFinish.countDown();
            assertEquals(List.of(new Call(1, "a1"), new Call(1, "a2")), worked.poll(5, TimeUnit.SECONDS),
                    "a store's items together, in order");
        }
    }

    @Test
    void aStoreThatMustWaitIsClaimedAgainAtItsTimeWithoutATick() throws Exception {
        FakeQueue queue = new FakeQueue();
        queue.add(new Call(7, "first"), Instant.now());
        queue.add(new Call(7, "second"), Instant.now());
        Duration slotIn = Duration.ofMillis(300);
        BlockingQueue<Instant> workedAt = new LinkedBlockingQueue<>();
        List<Instant> slots = new CopyOnWriteArrayList<>();
        try (StoreLanes<Call> lanes = new StoreLanes<>("test", 2, queue::claimDue, queue::release, (store, calls) -> {
            workedAt.add(Instant.now());
            if (calls.size() == 2) {
                // No call slot for the second before its time: give it back until then, as the workers do.
                Instant slot = Instant.now().plus(slotIn);
                slots.add(slot);
                queue.release(calls.subList(1, 2), slot);
                return slot;
            }
            return Instant.now();
        }, () -> false)) {
            lanes.claimAndStart();

            assertTrue(workedAt.poll(5, TimeUnit.SECONDS) != null);
            Instant again = workedAt.poll(5, TimeUnit.SECONDS);
            assertTrue(again != null, "claimed again by a wake-up");
            assertFalse(again.isBefore(slots.get(0)), "not before its slot: " + again + " < " + slots.get(0));
        }
    }

    @Test
    void wakeUpsClaimNothingWhileThePauseLasts() throws Exception {
        FakeQueue queue = new FakeQueue();
        queue.add(new Call(3, "only"), Instant.now());
        AtomicBoolean paused = new AtomicBoolean();
        CountDownLatch askedWhilePaused = new CountDownLatch(1);
        BooleanSupplier pause = () -> {
            if (paused.get()) {
                askedWhilePaused.countDown();
            }
            return paused.get();
        };
        try (StoreLanes<Call> lanes = new StoreLanes<>("test", 1, queue::claimDue, queue::release, (store, calls) -> {
            // More is due, and the job is paused before the thread comes free.
            queue.add(new Call(3, "later"), Instant.now());
            paused.set(true);
            return Instant.now();
        }, pause)) {
            lanes.claimAndStart();
            assertEquals(1, queue.busyAtClaims.size());

            assertTrue(askedWhilePaused.await(5, TimeUnit.SECONDS), "the freed thread's wake-up came");
            assertEquals(1, queue.busyAtClaims.size(), "and claimed nothing while paused");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
