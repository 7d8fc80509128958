package com.orderdesk.cartcom.importer.bench;

import com.orderdesk.cartcom.importer.mapping.MappedOrder;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The ceiling of benchmark 3: the importer's rows for the same orders ({@link CeilingRows}), already mapped and
 * encoded, written with PostgreSQL's COPY (CSV), a transaction per {@value PlainInserts#BATCH} orders, on as many
 * connections as the importer writes on. Nothing a writer of these rows could do goes faster on this database.
 */
final class CopyCeiling {
    private CopyCeiling() {
    }

    /** Writes the orders under {@code storeId}, split over {@code connections}; returns orders per second. */
    static double copy(DataSource dataSource, long storeId, List<MappedOrder> orders, int connections) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            int share = (orders.size() + connections - 1) / connections;
            for (int from = 0; from < orders.size(); from += share) {
                List<MappedOrder> part = orders.subList(from, Math.min(orders.size(), from + share));
                done.add(writers.submit(() -> copyAll(dataSource, storeId, part)));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("the COPY ceiling failed", e.getCause());
        } finally {
            writers.shutdown();
        }
        return orders.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static Void copyAll(DataSource dataSource, long storeId, List<MappedOrder> orders) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (int from = 0; from < orders.size(); from += PlainInserts.BATCH) {
                CeilingRows rows = CeilingRows.of(c, storeId,
                        orders.subList(from, Math.min(orders.size(), from + PlainInserts.BATCH)));
                copy(copy, "od_order", CeilingRows.ORDER_COLUMNS, rows.orders());
                copy(copy, "od_order_item", CeilingRows.ITEM_COLUMNS, rows.items());
                copy(copy, "outbox_event", CeilingRows.OUTBOX_COLUMNS, rows.events());
                c.commit();
            }
        }
        return null;
    }

    private static void copy(CopyManager copy, String table, String columns, List<Object[]> rows)
            throws SQLException, IOException {
        StringBuilder csv = new StringBuilder(rows.size() * 512);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                if (row[i] != null) {
                    // Quoted, quotes doubled: JSON text keeps its commas and quotes; an unquoted empty field is NULL.
                    csv.append('"').append(row[i].toString().replace("\"", "\"\"")).append('"');
                }
            }
            csv.append('\n');
        }
        copy.copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
    }
}
