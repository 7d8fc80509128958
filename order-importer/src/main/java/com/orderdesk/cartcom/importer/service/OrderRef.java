package com.orderdesk.cartcom.importer.service;

/** An imported order a record turned out to duplicate: the one already in the database, or one its batch creates. */
interface OrderRef {
    long orderId();

    String sourceId();

    /** The dedupe key: a Cart.com order of a store is imported once. */
    record Key(long storeId, long cartOrderId) {
    }

    /** An order found in the database. */
    record Stored(long orderId, String sourceId) implements OrderRef {
    }
}
