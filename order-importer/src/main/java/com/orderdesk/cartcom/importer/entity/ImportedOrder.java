package com.orderdesk.cartcom.importer.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An Order Desk order imported from Cart.com; unique per (store, Cart.com order). */
@Entity
@Table(name = "od_order")
public class ImportedOrder extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long storeId;
    public long cartOrderId;
    public String sourceId;
    public String sourceName;
    public long folderId;
    public String email;
    public String shippingMethod;
    public int quantityTotal;
    public BigDecimal weightTotal;
    public BigDecimal productTotal;
    public BigDecimal shippingTotal;
    public BigDecimal handlingTotal;
    public BigDecimal taxTotal;
    public BigDecimal discountTotal;
    public BigDecimal orderTotal;
    public String paymentType;
    public String paymentStatus;
    public Instant dateAdded;
    public Instant dateUpdated;
    /** JSON text, see {@link JsonColumns}. */
    public String shipping;
    public String customer;
    public String orderNotes;
    public String checkoutData;
    public String orderMetadata;
    public UUID importId;

    public static ImportedOrder findInStore(long storeId, long orderId) {
        return find("id = ?1 and storeId = ?2", orderId, storeId).firstResult();
    }
}
