package com.orderdesk.cartcom.shipments.repository;

import com.orderdesk.cartcom.kit.jdbc.Sql;
import com.orderdesk.cartcom.model.events.OrderImported;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The imported_order map: Order Desk order id to Cart.com order and item ids. Insert-only, so idempotent. */
@ApplicationScoped
public class ImportedOrderRepository {
    private final Sql sql;

    ImportedOrderRepository(Sql sql) {
        this.sql = sql;
    }

    /** Records the order and its items unless already known; returns whether the order was new. */
    public boolean insertIfAbsent(OrderImported event) {
        return sql.withConnection("cannot record imported order " + event.orderId(), connection -> {
            boolean inserted = Sql.update(connection,
                    "INSERT INTO imported_order (order_id, store_id, cart_order_id, source_id) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (order_id) DO NOTHING",
                    event.orderId(), event.storeId(), event.cartOrderId(), event.sourceId()) == 1;
            if (inserted) {
                Sql.batch(connection, "INSERT INTO imported_order_item (order_id, order_item_id, cart_item_id, quantity) "
                                + "VALUES (?, ?, ?, ?) ON CONFLICT (order_id, order_item_id) DO NOTHING",
                        event.items().stream().map(item -> new Object[] {
                                event.orderId(), item.orderItemId(), item.cartItemId(), item.quantity()}).toList());
            }
            return inserted;
        });
    }

    public boolean exists(long orderId) {
        return sql.queryFirst("SELECT 1 FROM imported_order WHERE order_id = ?", rs -> true, orderId).isPresent();
    }

    public Optional<ImportedOrder> find(long orderId) {
        return sql.queryFirst("SELECT store_id, cart_order_id FROM imported_order WHERE order_id = ?",
                        rs -> new ImportedOrder(orderId, rs.getLong(1), rs.getLong(2), List.of()), orderId)
                .map(order -> new ImportedOrder(orderId, order.storeId(), order.cartOrderId(), itemsOf(orderId)));
    }

    /** Written with the order in one transaction, so read after it they are complete. */
    private List<ImportedOrder.Item> itemsOf(long orderId) {
        return sql.query("SELECT order_item_id, cart_item_id, quantity FROM imported_order_item WHERE order_id = ? "
                        + "ORDER BY order_item_id",
                rs -> new ImportedOrder.Item(rs.getLong(1), Sql.nullableLong(rs, 2), rs.getInt(3)), orderId);
    }
}
