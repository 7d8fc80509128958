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
    /** The client's Idempotency-Key, unique per store; null when the request had none. */
    public String idempotencyKey;
    /** SHA-256 of the request the key came with (order and body), to tell a repeat from a reuse. */
    public String requestDigest;

    public static List<OrderShipment> ofOrder(long orderId) {
        return list("orderId = ?1 order by id", orderId);
    }

    public static OrderShipment byIdempotencyKey(long storeId, String key) {
        return find("storeId = ?1 and idempotencyKey = ?2", storeId, key).firstResult();
    }

    public static List<OrderShipment> ofOrders(List<Long> orderIds) {
        return orderIds.isEmpty() ? List.of() : list("orderId in ?1 order by orderId, id", orderIds);
    }
}
