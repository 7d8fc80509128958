package com.orderdesk.cartcom.importer.rest;

import com.orderdesk.cartcom.importer.entity.ImportedOrder;
import com.orderdesk.cartcom.importer.entity.JsonColumns;
import com.orderdesk.cartcom.importer.entity.OrderItem;
import com.orderdesk.cartcom.importer.entity.OrderShipment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An order in Order Desk's JSON (API v2 names, snake_case); money as numbers with two decimals. */
public record OrderView(
        long id,
        String sourceId,
        String sourceName,
        long folderId,
        String email,
        String shippingMethod,
        int quantityTotal,
        BigDecimal weightTotal,
        BigDecimal productTotal,
        BigDecimal shippingTotal,
        BigDecimal handlingTotal,
        BigDecimal taxTotal,
        BigDecimal discountTotal,
        BigDecimal orderTotal,
        String paymentType,
        String paymentStatus,
        Instant dateAdded,
        Instant dateUpdated,
        Map<String, Object> shipping,
        Map<String, Object> customer,
        List<ItemView> orderItems,
        List<ShipmentView> orderShipments,
        List<Map<String, Object>> orderNotes,
        Map<String, Object> checkoutData,
        Map<String, Object> orderMetadata) {

    public record ItemView(long id, String name, String code, BigDecimal price, int quantity, BigDecimal weight,
                           Map<String, Object> variationList, Map<String, Object> metadata) {
        static ItemView of(OrderItem item) {
            return new ItemView(item.id, item.name, item.code, OrderView.money(item.price), item.quantity, OrderView.weight(item.weight),
                    JsonColumns.readMap(item.variationList), JsonColumns.readMap(item.metadata));
        }
    }

    public static OrderView of(ImportedOrder order, List<OrderItem> items, List<OrderShipment> shipments) {
        return new OrderView(order.id, order.sourceId, order.sourceName, order.folderId, order.email,
                order.shippingMethod, order.quantityTotal, weight(order.weightTotal), money(order.productTotal),
                money(order.shippingTotal), money(order.handlingTotal), money(order.taxTotal),
                money(order.discountTotal), money(order.orderTotal), order.paymentType, order.paymentStatus,
                order.dateAdded, order.dateUpdated, JsonColumns.readMap(order.shipping),
                JsonColumns.readMap(order.customer), items.stream().map(ItemView::of).toList(),
                shipments.stream().map(ShipmentView::of).toList(), JsonColumns.readList(order.orderNotes),
                JsonColumns.readMap(order.checkoutData), JsonColumns.readMap(order.orderMetadata));
    }

    static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    /** Weights keep what precision they have, without the database's trailing zeros. */
    static BigDecimal weight(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
