package com.orderdesk.cartcom.importer.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;

/** A line of an imported order; its id is the Order Desk order item id that shipments refer to. */
@Entity
@Table(name = "od_order_item")
public class OrderItem extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long orderId;
    public int position;
    public Long cartItemId;
    public String name;
    public String code;
    public BigDecimal price;
    public int quantity;
    public BigDecimal weight;
    public String variationList;
    public String metadata;

    public static List<OrderItem> ofOrder(long orderId) {
        return list("orderId = ?1 order by position", orderId);
    }

    public static List<OrderItem> ofOrders(List<Long> orderIds) {
        return orderIds.isEmpty() ? List.of() : list("orderId in ?1 order by orderId, position", orderIds);
    }
}
