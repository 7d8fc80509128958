package com.orderdesk.cartcom.model.outbox;

import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.IntegrationEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Writes events into the outbox table (db/outbox migration). Call it inside the transaction that makes the
 * change the event announces: with a JTA-enlisted DataSource (Quarkus' Agroal) the row commits or rolls back
 * with that change.
 */
public final class Outbox {
    private final DataSource dataSource;

    public Outbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void add(String topic, IntegrationEvent event) {
        try (Connection connection = dataSource.getConnection()) {
            add(connection, topic, event);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + event.eventType() + " to the outbox", e);
        }
    }

    public static void add(Connection connection, String topic, IntegrationEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_event (id, topic, record_key, event_type, payload) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, event.eventId());
            insert.setString(2, topic);
            insert.setString(3, event.key());
            insert.setString(4, event.eventType());
            insert.setString(5, EventCodec.write(event));
            insert.executeUpdate();
        }
    }
}
