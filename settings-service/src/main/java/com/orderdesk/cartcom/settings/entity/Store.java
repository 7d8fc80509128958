package com.orderdesk.cartcom.settings.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;

/** An Order Desk store. Its API key is kept only as a hash (ApiKeys.hash). */
@Entity
public class Store extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public String timezone;

    public String apiKeyHash;

    /** Version of the last published snapshot; only grows. */
    public long snapshotVersion;

    public Instant createdAt;

    /**
     * The store, locked for the rest of the transaction. Every change that publishes a snapshot takes this lock
     * first, so per store the changes (and their snapshot versions) happen one after the other and each snapshot
     * sees everything committed before it.
     */
    public static Optional<Store> lockForUpdate(long id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }
}
