package com.orderdesk.cartcom.sandbox.store;

import java.time.Instant;

/** Moves an order to another status as PUT /orders/{id}/status does; shared by the merchant's control API. */
public final class OrderStatusUpdater {

    private OrderStatusUpdater() {
    }

    /**
     * Sets the status, remembers the previous one and bumps updated_at and order_status_last_changed_at.
     * Setting the status an order already has changes nothing, so a retried call is harmless.
     * Callers hold the store's write lock.
     */
    public static StoredOrder change(StoreData data, long orderId, long statusId, Instant now) {
        StoredOrder order = data.orders.get(orderId);
        if (order == null) {
            throw new RecordNotFoundException("Order " + orderId + " was not found");
        }
        if (!data.statuses.containsKey(statusId)) {
            throw new ValidationException("Order status " + statusId + " does not exist");
        }
        long current = ((Number) order.fields.get("order_status_id")).longValue();
        if (current != statusId) {
            Instant at = data.touch(now);
            order.fields.put("previous_order_status_id", current);
            order.fields.put("order_status_id", statusId);
            order.fields.put("order_status_last_changed_at", at);
            order.fields.put("updated_at", at);
            data.events().statusChanged(data, order, current, statusId);
        }
        return order;
    }
}
