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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows the importer writes for a batch of mapped orders (the order, its items, its OrderImported and activity
 * outbox rows), as column values in the order of {@link #ORDER_COLUMNS}, {@link #ITEM_COLUMNS} and
 * {@link #OUTBOX_COLUMNS}, with ids taken ahead from the tables' sequences as the importer takes them: what both
 * ceilings write, one with batched inserts, one with COPY.
 */
record CeilingRows(List<Object[]> orders, List<Object[]> items, List<Object[]> events) {
    static final String ORDER_COLUMNS = "id, store_id, cart_order_id, source_id, source_name, folder_id, email, "
            + "shipping_method, quantity_total, weight_total, product_total, shipping_total, handling_total, tax_total, "
            + "discount_total, order_total, payment_type, payment_status, date_added, date_updated, shipping, customer, "
            + "order_notes, checkout_data, order_metadata";
    static final String ITEM_COLUMNS = "id, order_id, position, cart_item_id, name, code, price, quantity, weight, "
            + "variation_list, metadata";
    static final String OUTBOX_COLUMNS = "id, topic, record_key, event_type, payload";

    static CeilingRows of(Connection c, long storeId, List<MappedOrder> batch) throws SQLException {
        List<Long> orderIds = nextValues(c, "od_order_id_seq", batch.size());
        List<Long> itemIds = nextValues(c, "od_order_item_id_seq", batch.stream().mapToInt(o -> o.items().size()).sum());
        CeilingRows rows = new CeilingRows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int item = 0;
        for (int i = 0; i < batch.size(); i++) {
            MappedOrder o = batch.get(i);
            long orderId = orderIds.get(i);
            rows.orders().add(new Object[] {orderId, storeId, o.cartOrderId(), o.sourceId(), o.sourceName(),
                    o.folderId(), o.email(), o.shippingMethod(), o.quantityTotal(), o.weightTotal(), o.productTotal(),
                    o.shippingTotal(), o.handlingTotal(), o.taxTotal(), o.discountTotal(), o.orderTotal(),
                    o.paymentType(), o.paymentStatus(), o.dateAdded(), Instant.now(), JsonColumns.write(o.shipping()),
                    JsonColumns.write(o.customer()), JsonColumns.write(o.orderNotes()),
                    JsonColumns.write(o.checkoutData()), JsonColumns.write(o.orderMetadata())});
            List<OrderImported.Item> announced = new ArrayList<>();
            int position = 0;
            for (MappedOrder.Item it : o.items()) {
                long itemId = itemIds.get(item++);
                rows.items().add(new Object[] {itemId, orderId, position++, it.cartItemId(), it.name(), it.code(),
                        it.price(), it.quantity(), it.weight(), JsonColumns.write(it.variationList()),
                        JsonColumns.write(it.metadata())});
                announced.add(new OrderImported.Item(itemId, it.cartItemId(), it.code(), it.quantity()));
            }
            rows.addEvent(Topics.ORDERS_IMPORTED, OrderImported.of(storeId, orderId, o.sourceId(), o.cartOrderId(),
                    o.folderId(), announced));
            rows.addEvent(Topics.INTEGRATION_ACTIVITY, ActivityRecorded.of(storeId, ActivityKinds.ORDER_IMPORTED,
                            ActivityRecorded.Level.info, "Imported Cart.com order " + o.cartOrderId() + " as " + o.sourceId())
                    .withCartOrderId(o.cartOrderId()).withOrderId(orderId));
        }
        return rows;
    }

    private void addEvent(String topic, IntegrationEvent event) {
        events.add(new Object[] {event.eventId(), topic, event.key(), event.eventType(), EventCodec.write(event)});
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
}
