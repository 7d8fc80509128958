package com.orderdesk.cartcom.settings.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A store's Cart.com connection. The access token is only ever stored sealed (TokenCrypto). */
@Entity
public class CartcomConnection extends PanacheEntityBase {
    @Id
    public Long storeId;

    public String domain;

    public boolean connected;

    public String encryptedToken;

    public String tokenKeyId;

    /** What a merchant may see of the token (its last characters), so the token itself is never returned. */
    public String tokenHint;

    public Instant verifiedAt;

    public Instant updatedAt;

    public boolean usable() {
        return connected && encryptedToken != null;
    }
}
