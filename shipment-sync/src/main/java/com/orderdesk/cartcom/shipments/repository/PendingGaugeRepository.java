package com.orderdesk.cartcom.shipments.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Pending shipments per store against the value last reported (table shipment_pending_gauge). */
@ApplicationScoped
public class PendingGaugeRepository {
    private final Statements sql;

    PendingGaugeRepository(Statements sql) {
        this.sql = sql;
    }

    public record StoreCount(long storeId, long pending) {
    }

    /** Stores whose number of pending shipments differs from the last reported one (0 when none is pending). */
    public List<StoreCount> changed() {
        return sql.list("WITH now_pending AS (SELECT store_id, count(*) AS n FROM shipment_sync WHERE state = 'pending' "
                        + "GROUP BY store_id) "
                        + "SELECT coalesce(p.store_id, g.store_id), coalesce(p.n, 0) FROM now_pending p "
                        + "FULL OUTER JOIN shipment_pending_gauge g ON g.store_id = p.store_id "
                        + "WHERE g.reported IS DISTINCT FROM coalesce(p.n, 0)",
                select -> { },
                rs -> new StoreCount(rs.getLong(1), rs.getLong(2)),
                "cannot count pending shipments");
    }

    public void markReported(StoreCount count) {
        sql.update("INSERT INTO shipment_pending_gauge (store_id, reported) VALUES (?, ?) ON CONFLICT (store_id) "
                        + "DO UPDATE SET reported = EXCLUDED.reported, reported_at = now()",
                upsert -> {
                    upsert.setLong(1, count.storeId());
                    upsert.setLong(2, count.pending());
                },
                "cannot record the pending gauge of store " + count.storeId());
    }
}
