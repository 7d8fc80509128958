package com.orderdesk.cartcom.poller.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Which version (Cart.com's updated_at, as sent) of each order a regular poll already published. Polls re-read
 * an overlap window before the cursor; this keeps an unchanged order in that window from being published
 * again. Rows older than the window are pruned: they can no longer be re-read.
 */
@ApplicationScoped
public class PublishedOrderRepository {
    private final AgroalDataSource dataSource;

    public PublishedOrderRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The updated_at last published for each of {@code orderIds} that was published at all. */
    public Map<Long, String> publishedVersions(long storeId, Collection<Long> orderIds) {
        Map<Long, String> versions = new HashMap<>();
        if (orderIds.isEmpty()) {
            return versions;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT cart_order_id, updated_at_raw FROM published_order WHERE store_id = ? AND cart_order_id = ANY (?)")) {
            select.setLong(1, storeId);
            select.setArray(2, connection.createArrayOf("bigint", orderIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    versions.put(rs.getLong(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read published orders of store " + storeId, e);
        }
        return versions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordPublished(long storeId, long orderId, String updatedAtRaw, Instant updatedAt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO published_order (store_id, cart_order_id, updated_at_raw, updated_at) VALUES (?, ?, ?, ?)
                     ON CONFLICT (store_id, cart_order_id) DO UPDATE SET updated_at_raw = EXCLUDED.updated_at_raw,
                         updated_at = EXCLUDED.updated_at, published_at = now()""")) {
            upsert.setLong(1, storeId);
            upsert.setLong(2, orderId);
            upsert.setString(3, updatedAtRaw);
            upsert.setTimestamp(4, updatedAt == null ? null : Timestamp.from(updatedAt));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record published order " + orderId, e);
        }
    }

    /** Forgets orders that fall before the window the next poll will read. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pruneBefore(long storeId, Instant windowStart) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("""
                     DELETE FROM published_order WHERE store_id = ?
                       AND (updated_at < ? OR (updated_at IS NULL AND published_at < now() - interval '1 day'))""")) {
            delete.setLong(1, storeId);
            delete.setTimestamp(2, Timestamp.from(windowStart));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prune published orders of store " + storeId, e);
        }
    }
}
