package com.orderdesk.cartcom.importer.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "store_id")
    public long storeId;
    @Column(name = "cart_order_id")
    public long cartOrderId;
    @Column(name = "source_id")
    public String sourceId;
    @Column(name = "source_name")
    public String sourceName;
    @Column(name = "folder_id")
    public long folderId;
    public String email;
    @Column(name = "shipping_method")
    public String shippingMethod;
    @Column(name = "quantity_total")
    public int quantityTotal;
    @Column(name = "weight_total")
    public BigDecimal weightTotal;
    @Column(name = "product_total")
    public BigDecimal productTotal;
    @Column(name = "shipping_total")
    public BigDecimal shippingTotal;
    @Column(name = "handling_total")
    public BigDecimal handlingTotal;
    @Column(name = "tax_total")
    public BigDecimal taxTotal;
    @Column(name = "discount_total")
    public BigDecimal discountTotal;
    @Column(name = "order_total")
    public BigDecimal orderTotal;
    @Column(name = "payment_type")
    public String paymentType;
    @Column(name = "payment_status")
    public String paymentStatus;
    @Column(name = "date_added")
    public Instant dateAdded;
    @Column(name = "date_updated")
    public Instant dateUpdated;
    /** JSON text, see {@link JsonColumns}. */
    public String shipping;
    public String customer;
    @Column(name = "order_notes")
    public String orderNotes;
    @Column(name = "checkout_data")
    public String checkoutData;
    @Column(name = "order_metadata")
    public String orderMetadata;
    @Column(name = "import_id")
    public UUID importId;

    public static ImportedOrder findInStore(long storeId, long orderId) {
        return find("id = ?1 and storeId = ?2", orderId, storeId).firstResult();
    }
}
