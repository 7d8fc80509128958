package com.orderdesk.cartcom.sandbox.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
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

    private long nextOrderId;
    private long nextItemId = 1;
    private long nextPaymentId = 1;
    private long nextAddressId = 1;
    private long nextCustomerId = 1;
    private long nextShipmentId = 1;
    private long nextStatusId = 1;
    private Instant lastTouch = Instant.EPOCH;

    public StoreData(long firstOrderId) {
        this.nextOrderId = firstOrderId;
    }

    public <T> T read(Function<StoreData, T> action) {
        lock.readLock().lock();
        try {
            return action.apply(this);
        } finally {
            lock.readLock().unlock();
        }
    }

    public <T> T write(Function<StoreData, T> action) {
        lock.writeLock().lock();
        try {
            return action.apply(this);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * A modification time for this store: millisecond precision (the API shows at most 3 fraction digits)
     * and strictly increasing, so a poller's updated_at=gt:cursor never skips two changes made in the same
     * millisecond.
     */
    public Instant touch(Instant now) {
        Instant candidate = now.truncatedTo(ChronoUnit.MILLIS);
        lastTouch = candidate.isAfter(lastTouch) ? candidate : lastTouch.plusMillis(1);
        return lastTouch;
    }

    public long newOrderId() {
        return nextOrderId++;
    }

    public long newItemId() {
        return nextItemId++;
    }

    public long newPaymentId() {
        return nextPaymentId++;
    }

    public long newAddressId() {
        return nextAddressId++;
    }

    public long newCustomerId() {
        return nextCustomerId++;
    }

    public long newShipmentId() {
        return nextShipmentId++;
    }

    /** Status ids are chosen by the merchant's store; keep the counter above any id already used. */
    public long newStatusId() {
        long max = statuses.isEmpty() ? 0 : statuses.lastKey();
        nextStatusId = Math.max(nextStatusId, max + 1);
        return nextStatusId++;
    }
}
