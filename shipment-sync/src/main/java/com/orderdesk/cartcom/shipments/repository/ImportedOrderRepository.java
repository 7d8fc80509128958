package com.orderdesk.cartcom.shipments.repository;

import com.orderdesk.cartcom.model.events.OrderImported;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The imported_order map: Order Desk order id to Cart.com order and item ids. Insert-only, so idempotent. */
@ApplicationScoped
public class ImportedOrderRepository {
    private final AgroalDataSource dataSource;

    ImportedOrderRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the order and its items unless already known; returns whether the order was new. */
    public boolean insertIfAbsent(OrderImported event) {
        try (Connection connection = dataSource.getConnection()) {
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
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record imported order " + event.orderId(), e);
        }
    }

    public boolean exists(long orderId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT 1 FROM imported_order WHERE order_id = ?")) {
            select.setLong(1, orderId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up imported order " + orderId, e);
        }
    }

    public Optional<ImportedOrder> find(long orderId) {
        try (Connection connection = dataSource.getConnection()) {
            long storeId;
            long cartOrderId;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT store_id, cart_order_id FROM imported_order WHERE order_id = ?")) {
                select.setLong(1, orderId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    storeId = rs.getLong(1);
                    cartOrderId = rs.getLong(2);
                }
            }
            List<ImportedOrder.Item> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT order_item_id, cart_item_id, quantity FROM imported_order_item WHERE order_id = ? "
                            + "ORDER BY order_item_id")) {
                select.setLong(1, orderId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        long cartItemId = rs.getLong(2);
                        items.add(new ImportedOrder.Item(rs.getLong(1), rs.wasNull() ? null : cartItemId, rs.getInt(3)));
                    }
                }
            }
            return Optional.of(new ImportedOrder(orderId, storeId, cartOrderId, items));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read imported order " + orderId, e);
        }
    }
}
