package com.orderdesk.cartcom.settings.outbox;

import com.orderdesk.cartcom.model.events.Topics;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The tombstone of a deleted store: an outbox row without payload, which the relay sends as a record with a null
 * value on the compacted settings topic, so compaction eventually forgets the store and consumers mark it deleted.
 * Written in the deleting transaction, like every snapshot (no dual write).
 */
@ApplicationScoped
public class Tombstones {
    /** The eventType header of a tombstone (it has no body to carry one). */
    public static final String EVENT_TYPE = "StoreDeleted";

    private final AgroalDataSource dataSource;

    Tombstones(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(long storeId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO outbox_event (id, topic, record_key, event_type, payload) VALUES (?, ?, ?, ?, NULL)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, Topics.STORE_SETTINGS);
            insert.setString(3, String.valueOf(storeId));
            insert.setString(4, EVENT_TYPE);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the tombstone of store " + storeId + " to the outbox", e);
        }
    }
}
