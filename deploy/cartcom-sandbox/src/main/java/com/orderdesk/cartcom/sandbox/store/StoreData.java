package com.orderdesk.cartcom.sandbox.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The records of one store. Every access goes through read() or write(), so concurrent clients of the
 * same store see consistent lists while other stores proceed independently.
 */
public final class StoreData {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    public final TreeMap<Long, StoredOrder> orders = new TreeMap<>();
    public final TreeMap<Long, Map<String, Object>> addresses = new TreeMap<>();
    public final TreeMap<Long, Map<String, Object>> customers = new TreeMap<>();
    public final TreeMap<Long, StoredShipment> shipments = new TreeMap<>();
    public final TreeMap<Long, Map<String, Object>> statuses = new TreeMap<>();
    public final TreeMap<Long, Map<String, Object>> webhooks = new TreeMap<>();
    public final TreeMap<Long, Map<String, Object>> shippingProviders = new TreeMap<>();

    public final IdSequence orderIds;
    public final IdSequence itemIds = new IdSequence(1);
    public final IdSequence paymentIds = new IdSequence(1);
    public final IdSequence addressIds = new IdSequence(1);
    public final IdSequence customerIds = new IdSequence(1);
    public final IdSequence shipmentIds = new IdSequence(1);
    public final IdSequence webhookIds = new IdSequence(1);
    private final IdSequence statusIds = new IdSequence(1);
    private Instant lastTouch = Instant.EPOCH;
    private volatile OrderEvents events = OrderEvents.NONE;
    /** Real-world {@code updated_at_ties}: stamps to the second, shared within it (see {@link #touch}). */
    private volatile boolean tiedTouches;
    /** How often a real-world {@code select_many} left each id out ("customers:12"), so a later ask finds it. */
    public final Map<String, Integer> timesLeftOut = new ConcurrentHashMap<>();

    public StoreData(long firstOrderId) {
        this.orderIds = new IdSequence(firstOrderId);
    }

    /** Who hears of new orders and status changes (the store's webhooks); nobody until set. */
    public OrderEvents events() {
        return events;
    }

    public void listen(OrderEvents listener) {
        this.events = listener;
    }

    public <T> T read(Function<StoreData, T> action) {
        return holding(lock.readLock(), action);
    }

    public <T> T write(Function<StoreData, T> action) {
        return holding(lock.writeLock(), action);
    }

    private <T> T holding(Lock held, Function<StoreData, T> action) {
        held.lock();
        try {
            return action.apply(this);
        } finally {
            held.unlock();
        }
    }

    /**
     * A modification time for this store: millisecond precision (the API shows at most 3 fraction digits)
     * and strictly increasing, so a poller's updated_at=gt:cursor never skips two changes made in the same
     * millisecond.
     */
    public Instant touch(Instant now) {
        if (tiedTouches) {
            // A live store's SQL datetime: every change in one second carries the same value, never an older one.
            Instant second = now.truncatedTo(ChronoUnit.SECONDS);
            lastTouch = second.isAfter(lastTouch) ? second : lastTouch;
            return lastTouch;
        }
        Instant candidate = now.truncatedTo(ChronoUnit.MILLIS);
        lastTouch = candidate.isAfter(lastTouch) ? candidate : lastTouch.plusMillis(1);
        return lastTouch;
    }

    public void tiedTouches(boolean tied) {
        tiedTouches = tied;
    }

    /** Status ids are chosen by the merchant's store; keep the counter above any id already used. */
    public long newStatusId() {
        return statusIds.nextAbove(statuses.isEmpty() ? 0 : statuses.lastKey());
    }
}
