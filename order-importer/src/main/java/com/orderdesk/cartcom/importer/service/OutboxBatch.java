package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.IntegrationEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox events of one import transaction (the outbox_event table of common-model's {@code Outbox}), written
 * in one JDBC batch. The relay sends rows by {@code created_at}, then id (random): {@code now()} is the same for
 * every row of a transaction, so row n takes {@code now()} plus n microseconds, which keeps a store's events in
 * the order its records arrived. The next transaction of the same writer starts after this one committed, later
 * than that by far (a batch takes milliseconds to write).
 */
final class OutboxBatch {
    private static final String INSERT = """
            INSERT INTO outbox_event (id, topic, record_key, event_type, payload, created_at)
            VALUES (?, ?, ?, ?, ?, now() + ? * interval '1 microsecond')""";

    /** An event as its outbox row, written to JSON ahead of the transaction. */
    record Row(UUID id, String topic, String key, String eventType, String payload) {
        static Row of(String topic, IntegrationEvent event) {
            return new Row(event.eventId(), topic, event.key(), event.eventType(), EventCodec.write(event));
        }
    }

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    void insert(Connection connection) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int n = 0; n < rows.size(); n++) {
                Row row = rows.get(n);
                insert.setObject(1, row.id());
                insert.setString(2, row.topic());
                insert.setString(3, row.key());
                insert.setString(4, row.eventType());
                insert.setString(5, row.payload());
                insert.setInt(6, n);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
