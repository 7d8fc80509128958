package com.orderdesk.cartcom.shipments.repository;

import java.util.List;

/** An Order Desk order that came from a Cart.com order, with the item id mapping between the two. */
public record ImportedOrder(long orderId, long storeId, long cartOrderId, List<Item> items) {

    public ImportedOrder {
        items = List.copyOf(items);
    }

    /** {@code cartItemId} is null for an Order Desk item without a Cart.com counterpart. */
    public record Item(long orderItemId, Long cartItemId, int quantity) {
    }
}
