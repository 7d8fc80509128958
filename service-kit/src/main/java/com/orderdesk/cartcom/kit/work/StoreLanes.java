package com.orderdesk.cartcom.kit.work;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The one way a worker works through many stores' queued Cart.com calls (the importer's status updates,
 * shipment-sync's shipments): a claim takes due items of the stores not already busy here, each store's items go to a
 * thread of their own (one store per thread, its items in the order claimed), and the items of stores beyond the free
 * threads are given back at once. A store done frees its thread, which claims again straight away; a store that must
 * wait (no call slot, throttled) gives its remaining items back itself and says when it may go on, and is claimed again
 * then rather than at the worker's next tick. So a slow or waiting store holds up only itself, and many stores waiting
 * on their call budgets keep every thread busy.
 *
 * <p>Several instances can run side by side: the queue's claim (row locks and leases) decides who works on an item;
 * what is claimed and not finished comes back when its lease ends.
 *
 * @param <T> a claimed item
 */
public final class StoreLanes<T extends StoreLanes.Item> implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StoreLanes.class);
    /** A wake-up comes this much after the time asked for, so that the database's clock has reached it too. */
    static final Duration WAKE_UP_LATE_BY = Duration.ofMillis(20);

    /** A claimed item of a store's queue. */
    public interface Item {
        long storeId();
    }

    /** One store's claimed items, worked off in order. */
    @FunctionalInterface
    public interface StoreWork<T> {
        /**
         * Returns when the store should be claimed again: now (or earlier) when it is done, later when it stopped
         * early and gave its remaining items back until then.
         */
        Instant work(long storeId, List<T> items);
    }

    private final String name;
    private final int threadCount;
    private final Function<Collection<Long>, List<T>> claimDue;
    private final BiConsumer<List<T>, Instant> release;
    private final StoreWork<T> work;
    private final BooleanSupplier paused;
    private final WorkerThreads threads;
    private final Set<Long> busyStores = ConcurrentHashMap.newKeySet();

    /**
     * @param claimDue claims due items (oldest first, at most a batch) of stores not among the busy ones given
     * @param release  gives claimed items back, due again at the time given, without counting an attempt
     * @param paused   whether claims are paused (the scheduler's job is paused): wake-ups then claim nothing
     */
    public StoreLanes(String name, int threads, Function<Collection<Long>, List<T>> claimDue,
                      BiConsumer<List<T>, Instant> release, StoreWork<T> work, BooleanSupplier paused) {
        this.name = name;
        this.threadCount = threads;
        this.claimDue = claimDue;
        this.release = release;
        this.work = work;
        this.paused = paused;
        this.threads = new WorkerThreads(name, threads);
    }

    /** Claims until every thread has a store or nothing is due; a failed claim is logged and tried at the next tick. */
    public synchronized void claimAndStart() {
        try {
            int free = threadCount - busyStores.size();
            while (free > 0) {
                Map<Long, List<T>> byStore = new LinkedHashMap<>();
                for (T item : claimDue.apply(List.copyOf(busyStores))) {
                    byStore.computeIfAbsent(item.storeId(), store -> new ArrayList<>()).add(item);
                }
                if (byStore.isEmpty()) {
                    return;
                }
                for (Map.Entry<Long, List<T>> store : byStore.entrySet()) {
                    if (free-- > 0) {
                        start(store.getKey(), store.getValue());
                    } else {
                        release.accept(store.getValue(), Instant.now());
                    }
                }
            }
        } catch (RejectedExecutionException e) {
            // Closing: what was claimed comes back when its lease ends.
        } catch (RuntimeException e) {
            LOG.warnf("%s: claiming failed, will retry: %s", name, e.toString());
        }
    }

    private void start(long storeId, List<T> items) {
        busyStores.add(storeId);
        try {
            threads.execute(() -> runStore(storeId, items));
        } catch (RejectedExecutionException e) {
            busyStores.remove(storeId);
            throw e;
        }
    }

    private void runStore(long storeId, List<T> items) {
        Instant again = Instant.now();
        try {
            again = work.work(storeId, items);
        } catch (RuntimeException e) {
            // Unexpected (the database down, a bug): the claims' leases run out and the items are claimed again.
            LOG.warnf(e, "%s: work of store %d stopped, will retry", name, storeId);
        } finally {
            busyStores.remove(storeId);
        }
        // The thread is free for another store now; this one comes back when it may go on.
        wakeUpAt(Instant.now());
        if (again.isAfter(Instant.now())) {
            wakeUpAt(again.plus(WAKE_UP_LATE_BY));
        }
    }

    /** Claims again at {@code at}, unless paused or closing. */
    private void wakeUpAt(Instant at) {
        threads.wakeUpAt(at, () -> {
            if (!paused.getAsBoolean()) {
                claimAndStart();
            }
        });
    }

    /** Stops the threads; what was claimed comes back when its lease ends. */
    @Override
    public void close() {
        threads.close();
    }
}
