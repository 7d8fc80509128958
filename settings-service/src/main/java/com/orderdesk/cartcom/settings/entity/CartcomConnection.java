package com.orderdesk.cartcom.settings.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A store's Cart.com connection. The access token is only ever stored sealed (TokenCrypto). */
@Entity
@Table(name = "cartcom_connection")
public class CartcomConnection extends PanacheEntityBase {
    @Id
    @Column(name = "store_id")
    public Long storeId;

    public String domain;

    public boolean connected;

    @Column(name = "encrypted_token")
    public String encryptedToken;

    @Column(name = "token_key_id")
    public String tokenKeyId;

    /** What a merchant may see of the token (its last characters), so the token itself is never returned. */
    @Column(name = "token_hint")
    public String tokenHint;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean usable() {
        return connected && encryptedToken != null;
    }
}
