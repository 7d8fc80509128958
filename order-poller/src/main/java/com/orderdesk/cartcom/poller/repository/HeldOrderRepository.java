package com.orderdesk.cartcom.poller.repository;

import com.orderdesk.cartcom.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;

/**
 * Orders a poll met but did not publish because Cart.com did not give them whole; each is retried by id when due
 * (attempts and the next attempt's time survive a restart), and released once published.
 */
@ApplicationScoped
public class HeldOrderRepository {
    private final Sql sql;

    public HeldOrderRepository(Sql sql) {
        this.sql = sql;
    }

    /** One held order when it came due: how many attempts it has had, and what was missing at the last. */
    public record HeldOrder(long cartOrderId, int attempts, String missing) {
    }

    /**
     * Holds an order met by a walk (its first attempt), due again {@code retryIn} from now by the database's clock (the
     * clock {@link #due} reads, so an order due at once is due to any instance); false when it was held already (met
     * again in the overlap re-read), which keeps its attempts and next attempt's time: the walk's try does not reset
     * the count.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hold(long storeId, long orderId, String missing, Duration retryIn) {
        return sql.update("""
                INSERT INTO held_order (store_id, cart_order_id, missing, next_attempt_at)
                VALUES (?, ?, ?, now() + ?::interval)
                ON CONFLICT (store_id, cart_order_id) DO NOTHING""",
                storeId, orderId, missing, retryIn) == 1;
    }

    /** After a retry that still found the order incomplete: due again {@code retryIn} from now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retryLater(long storeId, long orderId, int attempts, String missing, Duration retryIn) {
        sql.update("UPDATE held_order SET attempts = ?, missing = ?, next_attempt_at = now() + ?::interval "
                        + "WHERE store_id = ? AND cart_order_id = ?",
                attempts, missing, retryIn, storeId, orderId);
    }

    /** Published (or gone from Cart.com): no longer held. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(long storeId, List<Long> orderIds) {
        if (!orderIds.isEmpty()) {
            sql.update("DELETE FROM held_order WHERE store_id = ? AND cart_order_id = ANY (?)",
                    storeId, orderIds.toArray(Long[]::new));
        }
    }

    /** The store's held orders due for another attempt, oldest first. */
    public List<HeldOrder> due(long storeId, int limit) {
        return sql.query("""
                SELECT cart_order_id, attempts, missing FROM held_order WHERE store_id = ? AND next_attempt_at <= now()
                ORDER BY next_attempt_at LIMIT ?""",
                rs -> new HeldOrder(rs.getLong(1), rs.getInt(2), rs.getString(3)), storeId, limit);
    }
}
