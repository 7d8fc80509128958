package com.orderdesk.cartcom.importer.bench;

import com.orderdesk.cartcom.importer.mapping.MappedOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * A baseline beside the COPY ceiling: the importer's rows for an order ({@link CeilingRows}), already mapped,
 * inserted with plain JDBC batches of {@value #BATCH} orders, one transaction each, on one connection.
 */
final class PlainInserts {
    static final int BATCH = 500;

    private PlainInserts() {
    }

    /** Inserts the orders under {@code storeId}; returns orders per second. */
    static double insert(DataSource dataSource, long storeId, List<MappedOrder> orders) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (int from = 0; from < orders.size(); from += BATCH) {
                CeilingRows rows = CeilingRows.of(c, storeId, orders.subList(from, Math.min(orders.size(), from + BATCH)));
                insert(c, "od_order", CeilingRows.ORDER_COLUMNS, rows.orders());
                insert(c, "od_order_item", CeilingRows.ITEM_COLUMNS, rows.items());
                insert(c, "outbox_event", CeilingRows.OUTBOX_COLUMNS, rows.events());
                c.commit();
            }
        }
        return orders.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** The ceilings' outbox rows announce nothing real: removed before the relay sends them. */
    static void deleteEvents(DataSource dataSource, long storeId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM outbox_event WHERE record_key = ?")) {
            s.setString(1, String.valueOf(storeId));
            s.executeUpdate();
        }
    }

    private static void insert(Connection c, String table, String columns, List<Object[]> rows) throws SQLException {
        int width = columns.split(",").length;
        String sql = "INSERT INTO " + table + " (" + columns + ") VALUES (" + String.join(",", Collections.nCopies(width, "?")) + ")";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i] instanceof Instant at ? Timestamp.from(at) : row[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
