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
        PENDING, DONE, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "store_id")
    public long storeId;
    @Column(name = "order_id")
    public long orderId;
    @Column(name = "cart_order_id")
    public long cartOrderId;
    @Column(name = "status_id")
    public long statusId;
    @Enumerated(EnumType.STRING)
    public State state = State.PENDING;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "finished_at")
    public Instant finishedAt;

    public static PendingStatusUpdate forOrder(long orderId) {
        return find("orderId", orderId).firstResult();
    }
}
