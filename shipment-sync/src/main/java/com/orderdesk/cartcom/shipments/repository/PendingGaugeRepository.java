package com.orderdesk.cartcom.shipments.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Pending shipments per store against the value last reported (table shipment_pending_gauge). */
@ApplicationScoped
public class PendingGaugeRepository {
    private final AgroalDataSource dataSource;

    PendingGaugeRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record StoreCount(long storeId, long pending) {
    }

    /** Stores whose number of pending shipments differs from the last reported one (0 when none is pending). */
    public List<StoreCount> changed() {
        List<StoreCount> changed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "WITH now_pending AS (SELECT store_id, count(*) AS n FROM shipment_sync WHERE state = 'pending' "
                             + "GROUP BY store_id) "
                             + "SELECT coalesce(p.store_id, g.store_id), coalesce(p.n, 0) FROM now_pending p "
                             + "FULL OUTER JOIN shipment_pending_gauge g ON g.store_id = p.store_id "
                             + "WHERE g.reported IS DISTINCT FROM coalesce(p.n, 0)");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                changed.add(new StoreCount(rs.getLong(1), rs.getLong(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count pending shipments", e);
        }
        return changed;
    }

    public void markReported(StoreCount count) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "INSERT INTO shipment_pending_gauge (store_id, reported) VALUES (?, ?) ON CONFLICT (store_id) "
                             + "DO UPDATE SET reported = EXCLUDED.reported, reported_at = now()")) {
            upsert.setLong(1, count.storeId());
            upsert.setLong(2, count.pending());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the pending gauge of store " + count.storeId(), e);
        }
    }
}
