package com.orderdesk.cartcom.sandbox.store;

import java.time.Instant;
import java.util.List;

/**
 * A status change armed to happen in the middle of a client's paging: once the store has answered
 * {@code afterListCalls} more order-list calls, the given orders move to {@code orderStatusId}, exactly as the
 * status route would move them. It reproduces, on purpose and repeatably, what an importer setting the "after
 * import" status does to a poller that is still paging through the list. Fires once.
 */
public final class ListHook {
    private final int afterListCalls;
    private final List<Long> orderIds;
    private final long orderStatusId;
    private int listCallsSeen;
    private boolean fired;

    public ListHook(int afterListCalls, List<Long> orderIds, long orderStatusId) {
        if (afterListCalls < 1) {
            throw new IllegalArgumentException("after_list_calls must be at least 1");
        }
        if (orderIds == null || orderIds.isEmpty()) {
            throw new IllegalArgumentException("order_ids must name at least one order");
        }
        this.afterListCalls = afterListCalls;
        this.orderIds = List.copyOf(orderIds);
        this.orderStatusId = orderStatusId;
    }

    /** Called after each answered order-list call, under the store's write lock. */
    public synchronized void afterListCall(StoreData data, Instant now) {
        if (fired || ++listCallsSeen < afterListCalls) {
            return;
        }
        fired = true;
        for (long orderId : orderIds) {
            if (data.orders.containsKey(orderId)) {
                OrderStatusUpdater.change(data, orderId, orderStatusId, now);
            }
        }
    }

    public synchronized boolean fired() {
        return fired;
    }

    public int afterListCalls() {
        return afterListCalls;
    }

    public List<Long> orderIds() {
        return orderIds;
    }

    public long orderStatusId() {
        return orderStatusId;
    }
}
