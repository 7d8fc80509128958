package com.orderdesk.cartcom.kit.outbox;

import com.orderdesk.cartcom.kit.jdbc.Sql;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.IntegrationEvent;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes events into the outbox table (db/outbox migration). Call it inside the transaction that makes the
 * change the event announces: with a JTA-enlisted DataSource (Quarkus' Agroal) the row commits or rolls back
 * with that change.
 */
@Singleton
public final class Outbox {
    private final Sql sql;

    public Outbox(Sql sql) {
        this.sql = sql;
    }

    public void add(String topic, IntegrationEvent event) {
        add(Row.of(topic, event));
    }

    /**
     * A tombstone for {@code key}: a row without payload, which the relay sends as a record with a null value, so a
     * compacted topic eventually forgets the key. {@code eventType} is the record's eventType header. The service's
     * outbox table must allow a null payload (settings-service's migration does; the kit's db/outbox does not).
     */
    public void addTombstone(String topic, String key, String eventType) {
        add(new Row(UUID.randomUUID(), topic, key, eventType, null));
    }

    private void add(Row row) {
        sql.withConnection("cannot write " + row.eventType() + " to the outbox", connection -> {
            addBatch(connection, List.of(row));
            return null;
        });
    }

    /** An event as its outbox row, its JSON written ahead of the transaction that inserts it. */
    public record Row(UUID id, String topic, String key, String eventType, String payload) {
        public static Row of(String topic, IntegrationEvent event) {
            return new Row(event.eventId(), topic, event.key(), event.eventType(), EventCodec.write(event));
        }
    }

    /**
     * Many rows in one JDBC batch on the caller's connection, in its transaction. The relay sends rows by
     * {@code created_at}, then id (random), and {@code now()} is the same for every row of a transaction: row n takes
     * {@code now()} plus n microseconds, so the rows go out in the order given. A later transaction of the same writer
     * starts after this one committed, later than that by far.
     */
    public static void addBatch(Connection connection, List<Row> rows) throws SQLException {
        List<Object[]> parameters = new ArrayList<>(rows.size());
        for (int n = 0; n < rows.size(); n++) {
            Row row = rows.get(n);
            parameters.add(new Object[] {row.id(), row.topic(), row.key(), row.eventType(), row.payload(), n});
        }
        Sql.batch(connection, "INSERT INTO outbox_event (id, topic, record_key, event_type, payload, created_at) "
                + "VALUES (?, ?, ?, ?, ?, now() + ? * interval '1 microsecond')", parameters);
    }
}
