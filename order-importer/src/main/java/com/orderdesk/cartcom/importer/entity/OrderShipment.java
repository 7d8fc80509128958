package com.orderdesk.cartcom.importer.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A shipment recorded on an order through the REST API. */
@Entity
@Table(name = "od_order_shipment")
public class OrderShipment extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long orderId;
    public long storeId;
    public String trackingNumber;
    public String carrierCode;
    public String shipmentMethod;
    public String trackingUrl;
    public Instant dateShipped;
    /** JSON text: {@code [{order_item_id, quantity}]}, empty for the whole order. */
    public String items;
    @Column(insertable = false, updatable = false)
    public Instant createdAt;

    public static List<OrderShipment> ofOrder(long orderId) {
        return list("orderId = ?1 order by id", orderId);
    }

    public static List<OrderShipment> ofOrders(List<Long> orderIds) {
        return orderIds.isEmpty() ? List.of() : list("orderId in ?1 order by orderId, id", orderIds);
    }
}
