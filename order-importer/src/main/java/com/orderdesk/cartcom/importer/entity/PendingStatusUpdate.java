package com.orderdesk.cartcom.importer.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An "After Import, Set Status" call still owed to Cart.com, or its final outcome. */
@Entity
@Table(name = "pending_status_update")
public class PendingStatusUpdate extends PanacheEntityBase {
    public enum State {
        PENDING, DONE, FAILED,
        /** Not made: Cart.com showed the order moved on already (after-shipment status, or the merchant). */
        SUPERSEDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long storeId;
    public long orderId;
    public long cartOrderId;
    public long statusId;
    @Enumerated(EnumType.STRING)
    public State state = State.PENDING;
    public int attempts;
    public Instant nextAttemptAt;
    /** Read the order at Cart.com before setting the status (see {@link #checkFirstForOrder}). */
    public boolean checkFirst;
    public String lastError;
    @Column(insertable = false, updatable = false)
    public Instant createdAt;
    public Instant finishedAt;

    /**
     * A shipment was recorded while the after-import status is still owed: shipment-sync may set the after-shipment
     * status first, which the after-import status must not overwrite, so the worker reads the order at Cart.com
     * before setting it. Called in the shipment's transaction.
     */
    public static void checkFirstForOrder(long orderId) {
        update("checkFirst = true where orderId = ?1 and state = ?2", orderId, State.PENDING);
    }

    public static PendingStatusUpdate forOrder(long orderId) {
        return find("orderId", orderId).firstResult();
    }
}
