package com.orderdesk.cartcom.kit.work;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The threads of a worker that works through many stores' queued calls (the importer's status updates, shipment-sync's
 * shipments): a fixed number of daemon threads, one store on each at a time, and one more that wakes the worker at a
 * given time (a store's next call slot) instead of its next tick. Closing stops both without waiting for a slow call
 * longer than a few seconds: what was claimed comes back when its lease ends.
 */
public final class WorkerThreads implements AutoCloseable {
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final ExecutorService workers;
    private final ScheduledExecutorService wakeUps;

    public WorkerThreads(String name, int threads) {
        AtomicInteger number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, daemon(() -> name + "-" + number.incrementAndGet()));
        this.wakeUps = Executors.newSingleThreadScheduledExecutor(daemon(() -> name + "-wake"));
    }

    /** Runs {@code work} on a worker thread; refused (RejectedExecutionException) once closing. */
    public void execute(Runnable work) {
        workers.execute(work);
    }

    /** Runs {@code work} on a worker thread, to be waited for; refused (RejectedExecutionException) once closing. */
    public Future<?> submit(Runnable work) {
        return workers.submit(work);
    }

    /** Runs {@code wakeUp} at {@code at} (at once when past); nothing once closing: after a restart, due work is claimed. */
    public void wakeUpAt(Instant at, Runnable wakeUp) {
        long delay = Math.max(0, Duration.between(Instant.now(), at).toNanos());
        try {
            wakeUps.schedule(wakeUp, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Closing.
        }
    }

    @Override
    public void close() {
        wakeUps.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(Supplier<String> names) {
        return runnable -> {
            Thread thread = new Thread(runnable, names.get());
            thread.setDaemon(true);
            return thread;
        };
    }
}
