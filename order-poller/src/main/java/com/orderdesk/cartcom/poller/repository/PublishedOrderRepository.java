package com.orderdesk.cartcom.poller.repository;

import com.orderdesk.cartcom.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which version (Cart.com's updated_at, as sent) of each order a regular poll already published. Polls re-read
 * an overlap window before the cursor; this keeps an unchanged order in that window from being published
 * again. Rows older than the window are pruned: they can no longer be re-read.
 */
@ApplicationScoped
public class PublishedOrderRepository {
    private final Sql sql;

    public PublishedOrderRepository(Sql sql) {
        this.sql = sql;
    }

    /** The updated_at last published for each of {@code orderIds} that was published at all. */
    public Map<Long, String> publishedVersions(long storeId, Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return sql.query("SELECT cart_order_id, updated_at_raw FROM published_order WHERE store_id = ? AND cart_order_id = ANY (?)",
                        rs -> Map.entry(rs.getLong(1), rs.getString(2)),
                        storeId, orderIds.toArray(Long[]::new))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordPublished(long storeId, long orderId, String updatedAtRaw, Instant updatedAt) {
        sql.update("""
                INSERT INTO published_order (store_id, cart_order_id, updated_at_raw, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (store_id, cart_order_id) DO UPDATE SET updated_at_raw = EXCLUDED.updated_at_raw,
                    updated_at = EXCLUDED.updated_at, published_at = now()""",
                storeId, orderId, updatedAtRaw, updatedAt);
    }

    /** Forgets orders that fall before the window the next poll will read. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pruneBefore(long storeId, Instant windowStart) {
        sql.update("""
                DELETE FROM published_order WHERE store_id = ?
                  AND (updated_at < ? OR (updated_at IS NULL AND published_at < now() - interval '1 day'))""",
                storeId, windowStart);
    }
}
