package com.orderdesk.cartcom.settings.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;

/** An Order Desk folder of a store; imported orders land in the one the settings name. */
@Entity
public class Folder extends PanacheEntityBase {
    /** The folders every new store starts with, in this order (the first one receives new orders by default). */
    public static final List<String> DEFAULT_NAMES = List.of("New", "Prepared", "Closed", "Canceled");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long storeId;

    public String name;

    public Instant createdAt;

    public static List<Folder> ofStore(long storeId) {
        return list("storeId", Sort.by("id"), storeId);
    }

    public static boolean nameTaken(long storeId, String name) {
        return count("storeId = ?1 and lower(name) = lower(?2)", storeId, name) > 0;
    }
}
