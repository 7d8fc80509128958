package com.orderdesk.cartcom.poller.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import java.time.Instant;
import java.util.UUID;

/**
 * One order from a list page with what the importer needs beside it (fetched in batches). missing: what Cart.com did
 * not give although the order names it ("its customer 55, its items"), null when the order is whole.
 */
public record FetchedOrder(long id, String updatedAtRaw, Instant updatedAt, ObjectNode order, ObjectNode shippingAddress,
                           ObjectNode billingAddress, ObjectNode customer, String missing) {

    public boolean whole() {
        return missing == null;
    }

    /** The record the poller publishes for this order. */
    public CartOrderFetched toEvent(long storeId, UUID importId, long storeVersion) {
        return CartOrderFetched.of(storeId, id, importId, order, shippingAddress, billingAddress, customer)
                .atStoreVersion(storeVersion);
    }
}
