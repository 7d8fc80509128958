package com.orderdesk.cartcom.sandbox.store;

/**
 * What a store tells the outside world about its orders (its webhooks). Called under the store's write lock,
 * right after the change, so an implementation only takes a snapshot and hands it on; it never blocks.
 */
public interface OrderEvents {

    OrderEvents NONE = new OrderEvents() {
        @Override
        public void placed(StoreData data, StoredOrder order) {
        }

        @Override
        public void statusChanged(StoreData data, StoredOrder order, long oldStatusId, long newStatusId) {
        }
    };

    /** A new order, however the store made it (seeded, drafted). */
    void placed(StoreData data, StoredOrder order);

    /** The order moved from one status to another (never called when the status stays the same). */
    void statusChanged(StoreData data, StoredOrder order, long oldStatusId, long newStatusId);
}
