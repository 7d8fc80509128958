package com.orderdesk.cartcom.poller.repository;

import com.orderdesk.cartcom.kit.jdbc.Sql;
import com.orderdesk.cartcom.poller.client.ListKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Manual import requests and their progress; claimed with a lease so exactly one instance runs each. */
@ApplicationScoped
public class ImportRequestRepository {

    private static final String CLAIM = """
            UPDATE import_request SET lease_owner = ?, lease_until = now() + ?::interval, status = 'running',
                attempts = attempts + 1, started_at = COALESCE(started_at, now())
            WHERE import_id IN (
                SELECT import_id FROM import_request
                WHERE status IN ('queued', 'running') AND next_try_at <= now()
                  AND (lease_until IS NULL OR lease_until < now())
                ORDER BY next_try_at LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING import_id, store_id, since, requested_at, attempts, orders_found, cursor_ordered_at, cursor_order_id""";

    private final Sql sql;

    public ImportRequestRepository(Sql sql) {
        this.sql = sql;
    }

    /** Records a request; a redelivered one changes nothing. Returns whether it was new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(UUID importId, long storeId, Instant since) {
        return sql.update("INSERT INTO import_request (import_id, store_id, since) VALUES (?, ?, ?) ON CONFLICT (import_id) DO NOTHING",
                importId, storeId, since) == 1;
    }

    public List<ClaimedImport> claimDue(String owner, Duration lease, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return sql.query(CLAIM, ImportRequestRepository::claimedImport, owner, lease, limit);
    }

    private static ClaimedImport claimedImport(ResultSet rs) throws SQLException {
        Instant cursorAt = Sql.instant(rs, 7);
        Long cursorId = Sql.nullableLong(rs, 8);
        ListKey resumeAfter = cursorAt == null || cursorId == null ? null : new ListKey(cursorAt, cursorId);
        return new ClaimedImport(rs.getObject(1, UUID.class), rs.getLong(2), Sql.instant(rs, 3), Sql.instant(rs, 4),
                rs.getInt(5), rs.getLong(6), resumeAfter);
    }

    /**
     * After Kafka acknowledged a page: the sweep's position and count, and the lease renewed. Returns false if the
     * lease was lost.
     */
    public boolean pageDone(UUID importId, String owner, Duration lease, long ordersFound, ListKey position) {
        return sql.update("""
                UPDATE import_request SET lease_until = now() + ?::interval, orders_found = ?,
                    cursor_ordered_at = COALESCE(?, cursor_ordered_at), cursor_order_id = COALESCE(?, cursor_order_id)
                WHERE import_id = ? AND lease_owner = ?""",
                lease, ordersFound, position == null ? null : position.at(), position == null ? null : position.id(),
                importId, owner) == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean finish(UUID importId, String owner, String status, long ordersFound, String error) {
        return sql.update("""
                UPDATE import_request SET status = ?, orders_found = ?, last_error = ?, finished_at = now(),
                    lease_owner = NULL, lease_until = NULL WHERE import_id = ? AND lease_owner = ?""",
                status, ordersFound, error, importId, owner) == 1;
    }

    /** Puts a request back to be tried again after {@code retryIn}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean retryLater(UUID importId, String owner, Duration retryIn, String error) {
        return sql.update("""
                UPDATE import_request SET status = 'queued', next_try_at = now() + ?::interval, last_error = ?,
                    lease_owner = NULL, lease_until = NULL WHERE import_id = ? AND lease_owner = ?""",
                retryIn, error, importId, owner) == 1;
    }

    public Optional<String> status(UUID importId) {
        return sql.queryFirst("SELECT status FROM import_request WHERE import_id = ?", rs -> rs.getString(1), importId);
    }

    /** resumeAfter: where an earlier attempt stopped (null: from {@code since}); ordersFound: what it had found. */
    public record ClaimedImport(UUID importId, long storeId, Instant since, Instant requestedAt, int attempts, long ordersFound,
                                ListKey resumeAfter) {
    }
}
