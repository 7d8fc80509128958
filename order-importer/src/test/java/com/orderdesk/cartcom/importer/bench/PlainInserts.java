package com.orderdesk.cartcom.importer.bench;

import com.orderdesk.cartcom.importer.entity.JsonColumns;
import com.orderdesk.cartcom.importer.mapping.MappedOrder;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.IntegrationEvent;
import com.orderdesk.cartcom.model.events.OrderImported;
import com.orderdesk.cartcom.model.events.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The ceiling: the rows the importer writes for an order (the order, its items, its OrderImported and activity
 * outbox rows), already mapped, inserted with plain JDBC batches of {@value #BATCH} orders, one transaction each, on
 * one connection (the importer writes on one too), with ids taken ahead as the importer takes them.
 */
final class PlainInserts {
    static final int BATCH = 500;
    private static final String ORDER_SQL = "INSERT INTO od_order (id, store_id, cart_order_id, source_id, source_name, "
            + "folder_id, email, shipping_method, quantity_total, weight_total, product_total, shipping_total, "
            + "handling_total, tax_total, discount_total, order_total, payment_type, payment_status, date_added, "
            + "date_updated, shipping, customer, order_notes, checkout_data, order_metadata) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String ITEM_SQL = "INSERT INTO od_order_item (id, order_id, position, cart_item_id, name, code, "
            + "price, quantity, weight, variation_list, metadata) VALUES (?,?,?,?,?,?,?,?,?,?,?)";
    private static final String OUTBOX_SQL = "INSERT INTO outbox_event (id, topic, record_key, event_type, payload) "
            + "VALUES (?,?,?,?,?)";

    private PlainInserts() {
    }

    /** Inserts the orders under {@code storeId}; returns orders per second. */
    static double insert(DataSource dataSource, long storeId, List<MappedOrder> orders) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (int from = 0; from < orders.size(); from += BATCH) {
                List<MappedOrder> batch = orders.subList(from, Math.min(orders.size(), from + BATCH));
                List<Long> orderIds = nextValues(c, "od_order_id_seq", batch.size());
                List<Long> itemIds = nextValues(c, "od_order_item_id_seq", batch.stream().mapToInt(o -> o.items().size()).sum());
                insertOrders(c, storeId, batch, orderIds);
                insertItems(c, batch, orderIds, itemIds);
                insertEvents(c, storeId, batch, orderIds, itemIds);
                c.commit();
            }
        }
        return orders.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** The ceiling's outbox rows announce nothing real: removed before the relay sends them. */
    static void deleteEvents(DataSource dataSource, long storeId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM outbox_event WHERE record_key = ?")) {
            s.setString(1, String.valueOf(storeId));
            s.executeUpdate();
        }
    }

    private static List<Long> nextValues(Connection c, String sequence, int count) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement next = c.prepareStatement("SELECT nextval('" + sequence + "') FROM generate_series(1, ?)")) {
            next.setInt(1, count);
            try (ResultSet rs = next.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void insertOrders(Connection c, long storeId, List<MappedOrder> batch, List<Long> ids) throws SQLException {
        try (PreparedStatement order = c.prepareStatement(ORDER_SQL)) {
            for (int i = 0; i < batch.size(); i++) {
                MappedOrder o = batch.get(i);
                int p = 1;
                order.setLong(p++, ids.get(i));
                order.setLong(p++, storeId);
                order.setLong(p++, o.cartOrderId());
                order.setString(p++, o.sourceId());
                order.setString(p++, o.sourceName());
                order.setLong(p++, o.folderId());
                order.setString(p++, o.email());
                order.setString(p++, o.shippingMethod());
                order.setInt(p++, o.quantityTotal());
                order.setBigDecimal(p++, o.weightTotal());
                order.setBigDecimal(p++, o.productTotal());
                order.setBigDecimal(p++, o.shippingTotal());
                order.setBigDecimal(p++, o.handlingTotal());
                order.setBigDecimal(p++, o.taxTotal());
                order.setBigDecimal(p++, o.discountTotal());
                order.setBigDecimal(p++, o.orderTotal());
                order.setString(p++, o.paymentType());
                order.setString(p++, o.paymentStatus());
                order.setTimestamp(p++, Timestamp.from(o.dateAdded()));
                order.setTimestamp(p++, Timestamp.from(Instant.now()));
                order.setString(p++, JsonColumns.write(o.shipping()));
                order.setString(p++, JsonColumns.write(o.customer()));
                order.setString(p++, JsonColumns.write(o.orderNotes()));
                order.setString(p++, JsonColumns.write(o.checkoutData()));
                order.setString(p, JsonColumns.write(o.orderMetadata()));
                order.addBatch();
            }
            order.executeBatch();
        }
    }

    private static void insertItems(Connection c, List<MappedOrder> batch, List<Long> orderIds, List<Long> itemIds)
            throws SQLException {
        try (PreparedStatement item = c.prepareStatement(ITEM_SQL)) {
            int next = 0;
            for (int i = 0; i < batch.size(); i++) {
                int position = 0;
                for (MappedOrder.Item it : batch.get(i).items()) {
                    item.setLong(1, itemIds.get(next++));
                    item.setLong(2, orderIds.get(i));
                    item.setInt(3, position++);
                    item.setLong(4, it.cartItemId());
                    item.setString(5, it.name());
                    item.setString(6, it.code());
                    item.setBigDecimal(7, it.price());
                    item.setInt(8, it.quantity());
                    item.setBigDecimal(9, it.weight());
                    item.setString(10, JsonColumns.write(it.variationList()));
                    item.setString(11, JsonColumns.write(it.metadata()));
                    item.addBatch();
                }
            }
            item.executeBatch();
        }
    }

    /** The two events the importer writes per order, same content and size. */
    private static void insertEvents(Connection c, long storeId, List<MappedOrder> batch, List<Long> orderIds,
                                     List<Long> itemIds) throws SQLException {
        try (PreparedStatement outbox = c.prepareStatement(OUTBOX_SQL)) {
            int item = 0;
            for (int i = 0; i < batch.size(); i++) {
                MappedOrder o = batch.get(i);
                List<OrderImported.Item> items = new ArrayList<>();
                for (MappedOrder.Item it : o.items()) {
                    items.add(new OrderImported.Item(itemIds.get(item++), it.cartItemId(), it.code(), it.quantity()));
                }
                addEvent(outbox, Topics.ORDERS_IMPORTED, OrderImported.of(storeId, orderIds.get(i), o.sourceId(),
                        o.cartOrderId(), o.folderId(), items));
                addEvent(outbox, Topics.INTEGRATION_ACTIVITY, ActivityRecorded.of(storeId, ActivityKinds.ORDER_IMPORTED,
                                ActivityRecorded.Level.info, "Imported Cart.com order " + o.cartOrderId() + " as " + o.sourceId())
                        .withCartOrderId(o.cartOrderId()).withOrderId(orderIds.get(i)));
            }
            outbox.executeBatch();
        }
    }

    private static void addEvent(PreparedStatement outbox, String topic, IntegrationEvent event) throws SQLException {
        outbox.setObject(1, event.eventId());
        outbox.setString(2, topic);
        outbox.setString(3, event.key());
        outbox.setString(4, event.eventType());
        outbox.setString(5, EventCodec.write(event));
        outbox.addBatch();
    }
}
