package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.importer.config.ImporterConfig;
import com.orderdesk.cartcom.kit.consuming.DatabaseOutages;
import com.orderdesk.cartcom.kit.outbox.ActivityRecorder;
import com.orderdesk.cartcom.kit.retry.Backoff;
import com.orderdesk.cartcom.kit.snapshot.StoreSnapshots;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.MalformedEventException;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The import of the raw orders received ({@code RawOrderListener}), from a prepared batch to its acknowledgement.
 * Writes the received batches on one thread, in the order received: each in one transaction; if that fails
 * (database down, a lost race on the unique key, a row the database refuses), its records one by one, each retried
 * a few times before the dead-letter topic, so one bad record neither loses nor blocks the others. A record that
 * can never import (not a fetched order, unknown or inactive store, an order that cannot map) goes to the
 * dead-letter topic with its reason at once. The batch is acknowledged (its offsets committed) only after its
 * transaction committed and its dead letters were sent: a crash before that delivers it again, and the unique key
 * makes the second delivery import nothing.
 * <p>
 * One thread also sends every dead letter of the channel: SmallRye's dead-letter sender takes one caller at a time.
 */
@ApplicationScoped
public class OrderImportPipeline {
    private static final Logger LOG = Logger.getLogger(OrderImportPipeline.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    private static final Duration SETTINGS_POLL = Duration.ofMillis(250);
    /** Between tries of a record imported alone: 200 ms, doubling (the default 3 attempts wait 200 and 400 ms). */
    private static final Backoff RETRY = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

    private final OrderPreparer preparer;
    private final OrderImportService importer;
    private final ActivityRecorder activity;
    private final ImporterConfig config;
    private final StoreSnapshots snapshots;
    /** Orders by what their import did, counted once committed: the operator's view (the per-order log is DEBUG). */
    private final Map<ImportOutcome.Kind, Counter> ordersByOutcome = new EnumMap<>(ImportOutcome.Kind.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(OrderImportPipeline::daemon);
    /** Store settings versions waited for in vain, by store (the writer thread's own). */
    private final Map<Long, Long> givenUp = new HashMap<>();
    /** The raw orders of the batch waiting for newer store settings: long non-zero, the settings topic is behind. */
    private final AtomicInteger awaitingSettings = new AtomicInteger();
    private CompletableFuture<Void> lastWritten = DONE;

    OrderImportPipeline(OrderPreparer preparer, OrderImportService importer, ActivityRecorder activity,
                        ImporterConfig config, StoreSnapshots snapshots, MeterRegistry metrics) {
        this.preparer = preparer;
        this.importer = importer;
        this.activity = activity;
        this.config = config;
        this.snapshots = snapshots;
        metrics.gauge("importer.raw.orders.awaiting.store.settings", awaitingSettings);
        for (ImportOutcome.Kind kind : ImportOutcome.Kind.values()) {
            ordersByOutcome.put(kind, metrics.counter("importer.orders", "outcome", kind.name().toLowerCase(Locale.ROOT)));
        }
    }

    /**
     * Queues the batch behind the one being written. The returned stage completes when that one is written, so at
     * most one batch waits here while the next is prepared: memory stays bounded by a few batches.
     */
    public synchronized CompletionStage<Void> enqueue(ReceivedBatch batch) {
        CompletableFuture<Void> previous = lastWritten;
        try {
            lastWritten = CompletableFuture.runAsync(() -> write(batch), thread);
        } catch (RejectedExecutionException e) {
            // Shutting down: the batch stays unacknowledged and is delivered again after the restart.
            return DONE;
        }
        // Its records take their ids when written (unprepared, or prepared again once the store settings they wait for
        // arrive): the next batch must not take any before, or a store's later order would get the earlier id.
        return batch.takesIdsWhenWritten() ? lastWritten : previous;
    }

    /**
     * Waits until every batch queued so far is written (at most {@code limit}): a partition is handed to another
     * instance only then ({@code RawOrdersRebalance}).
     */
    public void awaitWritten(Duration limit) {
        CompletableFuture<Void> queued;
        synchronized (this) {
            queued = lastWritten;
        }
        try {
            queued.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("A batch of raw orders was still being written after %s; its partitions are let go anyway", limit);
        } catch (ExecutionException e) {
            // write() reports its own failures; the batch stays unacknowledged and is delivered to the next owner.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("A batch of raw orders was still being written at shutdown; it is delivered again after the restart");
        }
    }

    private void write(ReceivedBatch received) {
        try {
            List<PreparedOrder> prepared = received.prepared() == null ? null
                    : withStoresCaughtUpOrNull(received.records(), received.prepared());
            List<CompletionStage<Void>> deadLetters = prepared != null
                    ? importTogether(received.records(), prepared)
                    : received.records().stream().map(record -> importAlone(record, null)).toList();
            acknowledgeOnceSent(received, deadLetters);
        } catch (Throwable e) {
            // Not expected: each import catches its exceptions, but not an Error from below (a library's assertion
            // under -ea was one). Without this it ended the batch without a word. Never nack: SmallRye would
            // dead-letter the whole batch; unacknowledged, the channel turns unhealthy and a restart delivers it again.
            LOG.errorf(e, "Writing a batch of %d raw orders failed; it stays unacknowledged", received.records().size());
        }
    }

    /**
     * The batch's readable orders in one transaction; if that fails, every record alone. Returns the dead letters
     * sent (a record that is not a fetched order at all goes to the dead-letter topic at once, unreported).
     */
    private List<CompletionStage<Void>> importTogether(List<KafkaRecord<String, String>> records,
                                                       List<PreparedOrder> prepared) {
        List<CompletionStage<Void>> deadLetters = new ArrayList<>();
        List<KafkaRecord<String, String>> readable = new ArrayList<>();
        List<PreparedOrder> orders = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (prepared.get(i).unreadable() != null) {
                deadLetters.add(unreadable(records.get(i), prepared.get(i).unreadable()));
            } else {
                readable.add(records.get(i));
                orders.add(prepared.get(i));
            }
        }
        if (orders.isEmpty()) {
            return deadLetters;
        }
        List<ImportOutcome> outcomes;
        try {
            outcomes = importer.importAll(orders);
            outcomes.forEach(this::count);
        } catch (RuntimeException e) {
            LOG.warnf("Import of a batch of %d orders failed, importing them one by one: %s", orders.size(), e.toString());
            for (int i = 0; i < orders.size(); i++) {
                deadLetters.add(importAlone(readable.get(i), orders.get(i)));
            }
            return deadLetters;
        }
        for (int i = 0; i < orders.size(); i++) {
            if (outcomes.get(i).rejected()) {
                deadLetters.add(reject(readable.get(i), orders.get(i), outcomes.get(i).rejection()));
            }
        }
        return deadLetters;
    }

    /**
     * One record in its own transaction: a database outage is waited out, any other failure but a rejection is
     * retried a few times. The order keeps what was prepared for it (its ids among them, so the store's orders keep
     * their order); a record that could not be prepared with its batch is prepared here.
     */
    private CompletionStage<Void> importAlone(KafkaRecord<String, String> record, PreparedOrder prepared) {
        RawOrder raw = RawOrder.of(record);
        CartOrderFetched event;
        try {
            event = EventCodec.readKeyed(raw.key(), raw.value(), CartOrderFetched.class);
        } catch (MalformedEventException e) {
            return unreadable(record, e);
        }
        int attempts = Math.max(1, config.importing().attempts());
        PreparedOrder order = prepared;
        String what = "Import of Cart.com order " + event.cartOrderId() + " of store " + event.storeId();
        for (int attempt = 1; ; attempt++) {
            try {
                // A database outage is waited out, not counted: no order is dead-lettered because PostgreSQL was away.
                PreparedOrder ready = order != null ? order
                        : withStoresCaughtUp(List.of(record), List.of(
                                DatabaseOutages.retryThrough(what, () -> preparer.prepare(List.of(raw)).get(0)))).get(0);
                order = ready;
                ImportOutcome outcome = DatabaseOutages.retryThrough(what, () -> importer.importAll(List.of(ready)).get(0));
                count(outcome);
                return outcome.rejected() ? reject(record, order, outcome.rejection()) : DONE;
            } catch (RuntimeException e) {
                if (attempt >= attempts) {
                    LOG.errorf(e, "Cart.com order %d of store %d failed %d times; sent to the dead-letter topic",
                            event.cartOrderId(), event.storeId(), attempt);
                    return deadLetter(record, event.storeId(), event.cartOrderId(), event.importId(),
                            new IllegalStateException("import failed after " + attempt + " attempts: " + e, e));
                }
                LOG.warnf("Import of Cart.com order %d of store %d failed (attempt %d), retrying: %s",
                        event.cartOrderId(), event.storeId(), attempt, e.toString());
                sleep(RETRY.unjittered(attempt).toMillis());
            }
        }
    }

    private void count(ImportOutcome outcome) {
        ordersByOutcome.get(outcome.kind()).increment();
    }

    /** As {@link #withStoresCaughtUp}; null if preparing again failed: the writer then takes the records one by one. */
    private List<PreparedOrder> withStoresCaughtUpOrNull(List<KafkaRecord<String, String>> records,
                                                         List<PreparedOrder> prepared) {
        try {
            return withStoresCaughtUp(records, prepared);
        } catch (RuntimeException e) {
            LOG.warnf("Preparing a batch of %d orders again failed, importing them one by one: %s", records.size(),
                    e.toString());
            return null;
        }
    }

    /**
     * The batch as it is once the stores' settings its records were fetched under have arrived here: if any record
     * waits for newer settings, waits for them (at most {@code importer.import.store-settings-wait}) and prepares the
     * batch again (its first ids stay unused); a record whose settings never came can never import. A store version
     * given up on is not waited for again by the records after it.
     */
    private List<PreparedOrder> withStoresCaughtUp(List<KafkaRecord<String, String>> records, List<PreparedOrder> prepared) {
        Map<Long, Long> awaited = new TreeMap<>();
        for (PreparedOrder order : prepared) {
            if (order.awaitedStoreVersion() != null) {
                awaited.merge(order.storeId(), order.awaitedStoreVersion(), Math::max);
            }
        }
        if (awaited.isEmpty()) {
            return prepared;
        }
        Map<Long, Long> stillAwaited = new TreeMap<>(awaited);
        stillAwaited.entrySet().removeIf(store -> givenUp.getOrDefault(store.getKey(), 0L) >= store.getValue());
        boolean arrived = stillAwaited.isEmpty() || caughtUp(stillAwaited);
        if (!arrived) {
            Duration wait = config.importing().storeSettingsWait();
            LOG.infof("Raw orders wait for newer store settings than this importer has (store=version %s), at most %s",
                    stillAwaited, wait);
            long deadline = System.nanoTime() + wait.toNanos();
            awaitingSettings.set((int) prepared.stream().filter(order -> order.awaitedStoreVersion() != null).count());
            try {
                while (!arrived && System.nanoTime() < deadline) {
                    sleep(SETTINGS_POLL.toMillis());
                    arrived = caughtUp(stillAwaited);
                }
            } finally {
                awaitingSettings.set(0);
            }
            if (!arrived) {
                givenUp.putAll(stillAwaited);
            }
        }
        List<RawOrder> raws = records.stream().map(RawOrder::of).toList();
        List<PreparedOrder> again = DatabaseOutages.retryThrough("Preparing " + records.size() + " raw orders again",
                () -> preparer.prepare(raws));
        return again.stream().map(PreparedOrder::givenUp).toList();
    }

    private boolean caughtUp(Map<Long, Long> awaited) {
        Map<Long, Optional<StoreIntegrationChanged>> stores = DatabaseOutages.retryThrough(
                "Reading the settings of stores " + awaited.keySet(), () -> snapshots.findAll(awaited.keySet()));
        return awaited.entrySet().stream().allMatch(store -> stores.getOrDefault(store.getKey(), Optional.empty())
                .map(snapshot -> snapshot.version() >= store.getValue()).orElse(false));
    }

    private static CompletionStage<Void> unreadable(KafkaRecord<String, String> record, MalformedEventException reason) {
        LOG.warnf("Raw order sent to the dead-letter topic: %s", reason.getMessage());
        return DeadLetters.send(record, reason);
    }

    private CompletionStage<Void> reject(KafkaRecord<String, String> record, PreparedOrder order,
                                         MalformedEventException reason) {
        LOG.warnf("Cart.com order %d of store %d sent to the dead-letter topic: %s", order.cartOrderId(),
                order.storeId(), reason.getMessage());
        return deadLetter(record, order.storeId(), order.cartOrderId(), order.importId(), reason);
    }

    /**
     * The order's failure is reported as {@code order_failed} activity with the order, so the merchant sees it and a
     * manual import counts it (best effort: the database may be what failed), then the order is dead-lettered.
     */
    private CompletionStage<Void> deadLetter(KafkaRecord<String, String> record, long storeId, long cartOrderId,
                                             UUID importId, Exception reason) {
        try {
            activity.recordAlone(ActivityRecorded.of(storeId, ActivityKinds.ORDER_FAILED, ActivityRecorded.Level.error,
                            "Could not import Cart.com order " + cartOrderId + ": " + reason.getMessage())
                    .withCartOrderId(cartOrderId).withImportId(importId));
        } catch (RuntimeException e) {
            LOG.warnf("Could not report the failure of Cart.com order %d of store %d: %s", cartOrderId, storeId, e.toString());
        }
        return DeadLetters.send(record, reason);
    }

    /**
     * Commits the batch's offsets once every dead letter is on its topic. If one could not be sent, the batch is
     * left unacknowledged rather than lost: its partitions' offsets stop advancing, the channel reports unhealthy
     * after {@code throttled.unprocessed-record-max-age.ms}, and a restart delivers the batch again (what imported
     * is then skipped).
     */
    private static void acknowledgeOnceSent(ReceivedBatch received, List<CompletionStage<Void>> deadLetters) {
        CompletableFuture<?>[] sends = deadLetters.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sends).whenComplete((ignored, failure) -> {
            if (failure == null) {
                received.batch().ack();
            } else {
                LOG.errorf("A dead letter of a batch of %d records could not be sent; the batch stays unacknowledged: %s",
                        received.records().size(), failure.toString());
            }
        });
    }

    /** A daemon: a batch cut short when the JVM stops is rolled back and delivered again. */
    private static Thread daemon(Runnable work) {
        Thread thread = new Thread(work, "raw-orders-writer");
        thread.setDaemon(true);
        return thread;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
