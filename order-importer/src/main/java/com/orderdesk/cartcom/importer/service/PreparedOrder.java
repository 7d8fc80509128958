package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.MalformedEventException;
import java.util.UUID;

/**
 * A raw order made ready for {@link OrderImportService#importAll}, without its Cart.com JSON: what the record asks
 * for, and either the new order's rows or why it cannot be imported. Whether an unmappable order is rejected or
 * only skipped (it is already imported) is decided in the transaction, as for any order already imported.
 */
public final class PreparedOrder {
    private final long storeId;
    private final long cartOrderId;
    private final UUID importId;
    /** Not a fetched order at all (not JSON, ids missing, keyed by another store): no store or order to speak of. */
    private final MalformedEventException unreadable;
    /** The store is unknown or inactive: never imported. */
    private final MalformedEventException rejection;
    /** The order cannot map (with the store as it is now): imported unless it is already here. */
    final MalformedEventException unmappable;
    final NewOrder order;

    private PreparedOrder(CartOrderFetched event, MalformedEventException unreadable, MalformedEventException rejection,
                          MalformedEventException unmappable, NewOrder order) {
        this.storeId = event == null ? 0 : event.storeId();
        this.cartOrderId = event == null ? 0 : event.cartOrderId();
        this.importId = event == null ? null : event.importId();
        this.unreadable = unreadable;
        this.rejection = rejection;
        this.unmappable = unmappable;
        this.order = order;
    }

    static PreparedOrder unreadable(MalformedEventException reason) {
        return new PreparedOrder(null, reason, null, null, null);
    }

    static PreparedOrder rejected(CartOrderFetched event, MalformedEventException reason) {
        return new PreparedOrder(event, null, reason, null, null);
    }

    static PreparedOrder unmappable(CartOrderFetched event, MalformedEventException reason) {
        return new PreparedOrder(event, null, null, reason, null);
    }

    static PreparedOrder mapped(CartOrderFetched event, NewOrder order) {
        return new PreparedOrder(event, null, null, null, order);
    }

    /** Why the record is not a fetched order at all, or null when it is one. */
    public MalformedEventException unreadable() {
        return unreadable;
    }

    /** Why it can never import whatever the database holds (unreadable, store unknown or inactive), or null. */
    MalformedEventException neverImports() {
        return unreadable != null ? unreadable : rejection;
    }

    public long storeId() {
        return storeId;
    }

    public long cartOrderId() {
        return cartOrderId;
    }

    public UUID importId() {
        return importId;
    }

    OrderRef.Key key() {
        return new OrderRef.Key(storeId, cartOrderId);
    }
}
