package com.orderdesk.cartcom.settings.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A browser signed in to the merchant's page for one store (see ui.UiSessions). */
@Entity
public class UiSession extends PanacheEntityBase {
    /** SHA-256 of the id in the cookie: the id itself is never stored. */
    @Id
    public String idHash;

    public long storeId;

    public String csrfToken;

    public Instant createdAt;

    public Instant expiresAt;
}
