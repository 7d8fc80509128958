package com.orderdesk.cartcom.settings.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/**
 * A merchant's manual import. Requested here; its progress comes back as activity events carrying its id
 * (see ImportProgress).
 */
@Entity
public class ManualImport extends PanacheEntityBase {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    public long storeId;

    public Instant since;

    public String status;

    public long ordersFound;

    public long ordersImported;

    public long ordersSkipped;

    public long ordersFailed;

    public Instant requestedAt;

    public Instant startedAt;

    public Instant finishedAt;

    public String lastMessage;
}
