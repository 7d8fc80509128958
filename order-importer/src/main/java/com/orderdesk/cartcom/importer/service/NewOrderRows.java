package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.importer.mapping.MappedOrder;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a batch's new orders (order, items, pending "After Import" status), written as JDBC batches: one
 * round trip per table however many orders, in the order of the records (whose ids ascend in that order).
 */
final class NewOrderRows {
    private static final String SELECT_EXISTING = """
            SELECT store_id, cart_order_id, id, source_id FROM od_order
             WHERE (store_id, cart_order_id) IN (SELECT * FROM unnest(?::bigint[], ?::bigint[]))""";
    private static final String INSERT_ORDER = """
            INSERT INTO od_order (id, store_id, cart_order_id, source_id, source_name, folder_id, email, shipping_method,
                quantity_total, weight_total, product_total, shipping_total, handling_total, tax_total, discount_total,
                order_total, payment_type, payment_status, date_added, date_updated, shipping, customer, order_notes,
                checkout_data, order_metadata, import_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_ITEM = """
            INSERT INTO od_order_item (id, order_id, position, cart_item_id, name, code, price, quantity, weight,
                variation_list, metadata)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /** State, attempts and the rest keep their column defaults: a new update is pending and due now. */
    private static final String INSERT_STATUS_UPDATE = """
            INSERT INTO pending_status_update (store_id, order_id, cart_order_id, status_id, next_attempt_at)
            VALUES (?, ?, ?, ?, now())""";

    private NewOrderRows() {
    }

    /** The orders already imported among these keys. */
    static Map<OrderRef.Key, OrderRef.Stored> findExisting(Connection connection, Collection<OrderRef.Key> keys)
            throws SQLException {
        Map<OrderRef.Key, OrderRef.Stored> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        Array stores = connection.createArrayOf("bigint", keys.stream().map(OrderRef.Key::storeId).toArray());
        Array cartOrders = connection.createArrayOf("bigint", keys.stream().map(OrderRef.Key::cartOrderId).toArray());
        try (PreparedStatement select = connection.prepareStatement(SELECT_EXISTING)) {
            select.setArray(1, stores);
            select.setArray(2, cartOrders);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.put(new OrderRef.Key(rs.getLong(1), rs.getLong(2)), new OrderRef.Stored(rs.getLong(3), rs.getString(4)));
                }
            }
        } finally {
            stores.free();
            cartOrders.free();
        }
        return found;
    }

    static void insert(Connection connection, List<NewOrder> orders) throws SQLException {
        if (orders.isEmpty()) {
            return;
        }
        OffsetDateTime now = utc(Instant.now());
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ORDER)) {
            for (NewOrder order : orders) {
                bindOrder(insert, order, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ITEM)) {
            for (NewOrder order : orders) {
                for (int position = 0; position < order.mapped.items().size(); position++) {
                    bindItem(insert, order, position);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        List<NewOrder> withStatus = orders.stream().filter(o -> o.afterImportStatusId != null).toList();
        if (!withStatus.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_STATUS_UPDATE)) {
                for (NewOrder order : withStatus) {
                    insert.setLong(1, order.storeId);
                    insert.setLong(2, order.id);
                    insert.setLong(3, order.mapped.cartOrderId());
                    insert.setLong(4, order.afterImportStatusId);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private static void bindOrder(PreparedStatement insert, NewOrder order, OffsetDateTime now) throws SQLException {
        MappedOrder o = order.mapped;
        int p = 1;
        insert.setLong(p++, order.id);
        insert.setLong(p++, order.storeId);
        insert.setLong(p++, o.cartOrderId());
        insert.setString(p++, o.sourceId());
        insert.setString(p++, o.sourceName());
        insert.setLong(p++, o.folderId());
        insert.setString(p++, o.email());
        insert.setString(p++, o.shippingMethod());
        insert.setInt(p++, o.quantityTotal());
        insert.setBigDecimal(p++, o.weightTotal());
        insert.setBigDecimal(p++, o.productTotal());
        insert.setBigDecimal(p++, o.shippingTotal());
        insert.setBigDecimal(p++, o.handlingTotal());
        insert.setBigDecimal(p++, o.taxTotal());
        insert.setBigDecimal(p++, o.discountTotal());
        insert.setBigDecimal(p++, o.orderTotal());
        insert.setString(p++, o.paymentType());
        insert.setString(p++, o.paymentStatus());
        insert.setObject(p++, utc(o.dateAdded()));
        insert.setObject(p++, now);
        insert.setString(p++, order.shipping);
        insert.setString(p++, order.customer);
        insert.setString(p++, order.orderNotes);
        insert.setString(p++, order.checkoutData);
        insert.setString(p++, order.orderMetadata);
        insert.setObject(p, order.importId, Types.OTHER);
    }

    private static void bindItem(PreparedStatement insert, NewOrder order, int position) throws SQLException {
        MappedOrder.Item item = order.mapped.items().get(position);
        int p = 1;
        insert.setLong(p++, order.itemIds[position]);
        insert.setLong(p++, order.id);
        insert.setInt(p++, position);
        insert.setLong(p++, item.cartItemId());
        insert.setString(p++, item.name());
        insert.setString(p++, item.code());
        insert.setBigDecimal(p++, item.price());
        insert.setInt(p++, item.quantity());
        insert.setBigDecimal(p++, item.weight());
        insert.setString(p++, order.itemVariations.get(position));
        insert.setString(p, order.itemMetadata.get(position));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
