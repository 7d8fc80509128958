package com.orderdesk.cartcom.kit.gauge;

import com.orderdesk.cartcom.kit.jdbc.Sql;
import com.orderdesk.cartcom.kit.outbox.Outbox;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.Topics;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Per-store gauges (a backlog, a number pending) reported to the merchant's activity log when their value changes,
 * the drop to 0 included, so a quiet store adds nothing to its log. The value last reported is a row of
 * {@code store_gauge} (db/gauges migration), written in the transaction of its activity event: a restart reports
 * nothing twice, and of two instances counting the same table only the first to commit a change reports it (the
 * other finds the value already there and stays silent).
 *
 * <p>Call it outside a JTA transaction: each change commits on its own, so one store's failure loses no other's.
 */
@Singleton
public final class StoreGauges {
    private final Sql sql;

    public StoreGauges(Sql sql) {
        this.sql = sql;
    }

    /**
     * Reports each store of {@code current} (absent = 0) whose value differs from the one last reported under
     * {@code gauge}; {@code activity} words the event from store and value. Returns how many this call reported.
     */
    public int reportChanges(String gauge, Map<Long, Long> current, BiFunction<Long, Long, ActivityRecorded> activity) {
        Map<Long, Long> reported = reported(gauge);
        Set<Long> stores = new HashSet<>(current.keySet());
        stores.addAll(reported.keySet());
        int count = 0;
        for (long store : stores) {
            long value = current.getOrDefault(store, 0L);
            if (value != reported.getOrDefault(store, 0L) && report(gauge, store, value, activity)) {
                count++;
            }
        }
        return count;
    }

    private Map<Long, Long> reported(String gauge) {
        return sql.query("SELECT store_id, reported FROM store_gauge WHERE gauge = ?",
                        rs -> Map.entry(rs.getLong(1), rs.getLong(2)), gauge)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The new value and its event in one transaction; false when another instance reported it first. */
    private boolean report(String gauge, long store, long value, BiFunction<Long, Long, ActivityRecorded> activity) {
        return sql.inTransaction("cannot report gauge " + gauge + " of store " + store,
                connection -> {
                    boolean changed = record(connection, gauge, store, value);
                    if (changed) {
                        Outbox.addBatch(connection, List.of(Outbox.Row.of(Topics.INTEGRATION_ACTIVITY,
                                activity.apply(store, value))));
                    }
                    return changed;
                });
    }

    /**
     * Stores the value unless it is already stored. A concurrent writer of the same row waits for this transaction
     * and then finds its value there (the update's condition or the delete sees the committed row).
     */
    private static boolean record(Connection connection, String gauge, long store, long value) throws SQLException {
        int changed = value == 0
                ? Sql.update(connection, "DELETE FROM store_gauge WHERE gauge = ? AND store_id = ?", gauge, store)
                : Sql.update(connection, "INSERT INTO store_gauge (gauge, store_id, reported) VALUES (?, ?, ?) "
                        + "ON CONFLICT (gauge, store_id) DO UPDATE SET reported = EXCLUDED.reported, reported_at = now() "
                        + "WHERE store_gauge.reported <> EXCLUDED.reported", gauge, store, value);
        return changed == 1;
    }
}
