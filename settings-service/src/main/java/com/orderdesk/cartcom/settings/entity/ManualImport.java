package com.orderdesk.cartcom.settings.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A merchant's manual import. Requested here; its progress comes back as activity events carrying its id
 * (see ImportProgress).
 */
@Entity
@Table(name = "manual_import")
public class ManualImport extends PanacheEntityBase {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    @Column(name = "store_id")
    public long storeId;

    public Instant since;

    public String status;

    @Column(name = "orders_found")
    public long ordersFound;

    @Column(name = "orders_imported")
    public long ordersImported;

    @Column(name = "orders_skipped")
    public long ordersSkipped;

    @Column(name = "orders_failed")
    public long ordersFailed;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "last_message")
    public String lastMessage;
}
