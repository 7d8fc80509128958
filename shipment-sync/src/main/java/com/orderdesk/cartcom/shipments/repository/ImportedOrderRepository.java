package com.orderdesk.cartcom.shipments.repository;

import com.orderdesk.cartcom.model.events.OrderImported;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

/** The imported_order map: Order Desk order id to Cart.com order and item ids. Insert-only, so idempotent. */
@ApplicationScoped
public class ImportedOrderRepository {
    private final Statements sql;

    ImportedOrderRepository(Statements sql) {
        this.sql = sql;
    }

    /** Records the order and its items unless already known; returns whether the order was new. */
    public boolean insertIfAbsent(OrderImported event) {
        return sql.withConnection("cannot record imported order " + event.orderId(), connection -> {
            boolean inserted;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO imported_order (order_id, store_id, cart_order_id, source_id) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (order_id) DO NOTHING")) {
                insert.setLong(1, event.orderId());
                insert.setLong(2, event.storeId());
                insert.setLong(3, event.cartOrderId());
                insert.setString(4, event.sourceId());
                inserted = insert.executeUpdate() == 1;
            }
            if (inserted && !event.items().isEmpty()) {
                try (PreparedStatement item = connection.prepareStatement(
                        "INSERT INTO imported_order_item (order_id, order_item_id, cart_item_id, quantity) "
                                + "VALUES (?, ?, ?, ?) ON CONFLICT (order_id, order_item_id) DO NOTHING")) {
                    for (OrderImported.Item i : event.items()) {
                        item.setLong(1, event.orderId());
                        item.setLong(2, i.orderItemId());
                        if (i.cartItemId() == null) {
                            item.setNull(3, Types.BIGINT);
                        } else {
                            item.setLong(3, i.cartItemId());
                        }
                        item.setInt(4, i.quantity());
                        item.addBatch();
                    }
                    item.executeBatch();
                }
            }
            return inserted;
        });
    }

    public boolean exists(long orderId) {
        return sql.first("SELECT 1 FROM imported_order WHERE order_id = ?",
                select -> select.setLong(1, orderId),
                rs -> true,
                "cannot look up imported order " + orderId).isPresent();
    }

    public Optional<ImportedOrder> find(long orderId) {
        return sql.first("SELECT store_id, cart_order_id FROM imported_order WHERE order_id = ?",
                        select -> select.setLong(1, orderId),
                        rs -> new ImportedOrder(orderId, rs.getLong(1), rs.getLong(2), List.of()),
                        "cannot read imported order " + orderId)
                .map(order -> new ImportedOrder(orderId, order.storeId(), order.cartOrderId(), itemsOf(orderId)));
    }

    /** Written with the order in one transaction, so read after it they are complete. */
    private List<ImportedOrder.Item> itemsOf(long orderId) {
        return sql.list("SELECT order_item_id, cart_item_id, quantity FROM imported_order_item WHERE order_id = ? "
                        + "ORDER BY order_item_id",
                select -> select.setLong(1, orderId),
                rs -> {
                    long cartItemId = rs.getLong(2);
                    return new ImportedOrder.Item(rs.getLong(1), rs.wasNull() ? null : cartItemId, rs.getInt(3));
                },
                "cannot read imported order " + orderId);
    }
}
