package com.orderdesk.cartcom.settings.repository;

import com.orderdesk.cartcom.kit.jdbc.Sql;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Feeds a manual import's record from the activity that carries its id. Per-order kinds add one; counts carried
 * on the activity are running totals and only raise a counter (events may arrive late or twice). A finished import
 * stays finished. Applied by {@link ActivityRepository#keep} to the first sighting of an activity only, on its
 * connection.
 */
final class ImportProgress {

    static void apply(Connection connection, ActivityRecorded event) throws SQLException {
        if (event.importId() == null) {
            return;
        }
        Map<String, Long> counts = event.counts();
        String kind = event.kind();
        String sql = "UPDATE manual_import SET "
                + "orders_found = GREATEST(orders_found, ?), "
                + "orders_imported = GREATEST(orders_imported + ?, ?), "
                + "orders_skipped = GREATEST(orders_skipped + ?, ?), "
                + "orders_failed = GREATEST(orders_failed + ?, ?), "
                + "status = CASE WHEN status IN ('completed', 'failed') THEN status ELSE ? END, "
                + "started_at = COALESCE(started_at, ?), "
                + "finished_at = CASE WHEN ? THEN COALESCE(finished_at, ?) ELSE finished_at END, "
                + "last_message = CASE WHEN ? THEN ? ELSE last_message END "
                + "WHERE id = ? AND store_id = ?";
        boolean finished = ActivityKinds.IMPORT_COMPLETED.equals(kind) || ActivityKinds.IMPORT_FAILED.equals(kind);
        String status = ActivityKinds.IMPORT_COMPLETED.equals(kind) ? "completed"
                : ActivityKinds.IMPORT_FAILED.equals(kind) ? "failed" : "running";
        Sql.update(connection, sql,
                counts.getOrDefault(ActivityKinds.COUNT_ORDERS_FOUND, 0L),
                ActivityKinds.ORDER_IMPORTED.equals(kind) ? 1L : 0L,
                counts.getOrDefault(ActivityKinds.COUNT_ORDERS_IMPORTED, 0L),
                ActivityKinds.ORDER_SKIPPED.equals(kind) ? 1L : 0L,
                counts.getOrDefault(ActivityKinds.COUNT_ORDERS_SKIPPED, 0L),
                ActivityKinds.ORDER_FAILED.equals(kind) ? 1L : 0L,
                counts.getOrDefault(ActivityKinds.COUNT_ORDERS_FAILED, 0L),
                status, event.occurredAt(), finished, event.occurredAt(),
                event.level() != ActivityRecorded.Level.info || finished, event.message(),
                event.importId(), event.storeId());
    }

    private ImportProgress() {
    }
}
