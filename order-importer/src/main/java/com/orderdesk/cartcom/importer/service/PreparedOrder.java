package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.MalformedEventException;
import java.util.UUID;

/**
 * A raw order made ready for {@link OrderImportService#importAll}, without its Cart.com JSON: what the record asks
 * for, and either the new order's rows or why it cannot be imported. Whether an unmappable order is rejected or
 * only skipped (it is already imported) is decided in the transaction, as for any order already imported.
 */
public record PreparedOrder(
        long storeId,
        long cartOrderId,
        UUID importId,
        /** Not a fetched order at all (not JSON, ids missing, keyed by another store): no store or order to speak of. */
        MalformedEventException unreadable,
        /** The store is unknown or inactive: never imported. */
        MalformedEventException rejection,
        /** The version of the store's settings this record waits for, or null when it waits for none. */
        Long awaitedStoreVersion,
        /**
         * The record was fetched under a newer version of the store's settings than this importer holds (settings
         * and orders come on separate topics): it waits for them ({@code OrderImportPipeline}) and is prepared again.
         */
        MalformedEventException storeBehind,
        /** The order cannot map (with the store as it is now): imported unless it is already here. */
        MalformedEventException unmappable,
        NewOrder order) {

    private PreparedOrder(CartOrderFetched event, MalformedEventException rejection, MalformedEventException unmappable,
                          NewOrder order) {
        this(event.storeId(), event.cartOrderId(), event.importId(), null, rejection, null, null, unmappable, order);
    }

    static PreparedOrder unreadable(MalformedEventException reason) {
        return new PreparedOrder(0, 0, null, reason, null, null, null, null, null);
    }

    static PreparedOrder rejected(CartOrderFetched event, MalformedEventException reason) {
        return new PreparedOrder(event, reason, null, null);
    }

    static PreparedOrder storeBehind(CartOrderFetched event, long knownVersion) {
        return new PreparedOrder(event.storeId(), event.cartOrderId(), event.importId(), null, null,
                event.storeVersion(), new MalformedEventException(knownVersion == 0
                        ? "unknown store " + event.storeId() + ": fetched under version " + event.storeVersion()
                                + " of its settings, which did not arrive"
                        : "fetched under version " + event.storeVersion() + " of store " + event.storeId()
                                + "'s settings, which did not arrive (the importer has version " + knownVersion + ")"),
                null, null);
    }

    static PreparedOrder unmappable(CartOrderFetched event, MalformedEventException reason) {
        return new PreparedOrder(event, null, reason, null);
    }

    static PreparedOrder mapped(CartOrderFetched event, NewOrder order) {
        return new PreparedOrder(event, null, null, order);
    }

    /** The record once its store's settings are given up on: it can never import. */
    public PreparedOrder givenUp() {
        return storeBehind == null ? this
                : new PreparedOrder(storeId, cartOrderId, importId, null, storeBehind, null, null, null, null);
    }

    /** Why it can never import whatever the database holds (unreadable, store unknown, inactive or behind), or null. */
    MalformedEventException neverImports() {
        // One still waiting for its store's settings never reaches a transaction; if it did, it must not import.
        return unreadable != null ? unreadable : rejection != null ? rejection : storeBehind;
    }

    OrderRef.Key key() {
        return new OrderRef.Key(storeId, cartOrderId);
    }
}
