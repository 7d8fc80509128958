package com.orderdesk.cartcom.poller.repository;

import com.orderdesk.cartcom.poller.client.ListKey;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    private final AgroalDataSource dataSource;

    public ImportRequestRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a request; a redelivered one changes nothing. Returns whether it was new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(UUID importId, long storeId, Instant since) {
        return update("INSERT INTO import_request (import_id, store_id, since) VALUES (?, ?, ?) ON CONFLICT (import_id) DO NOTHING",
                ps -> {
                    ps.setObject(1, importId);
                    ps.setLong(2, storeId);
                    ps.setTimestamp(3, Timestamp.from(since));
                }) == 1;
    }

    public List<ClaimedImport> claimDue(String owner, Duration lease, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<ClaimedImport> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setString(1, owner);
            claim.setString(2, PollScheduleRepository.interval(lease));
            claim.setInt(3, limit);
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    Timestamp cursorAt = rs.getTimestamp(7);
                    long cursorId = rs.getLong(8);
                    ListKey resumeAfter = cursorAt == null || rs.wasNull() ? null : new ListKey(cursorAt.toInstant(), cursorId);
                    claimed.add(new ClaimedImport(rs.getObject(1, UUID.class), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                            rs.getTimestamp(4).toInstant(), rs.getInt(5), rs.getLong(6), resumeAfter));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim import requests", e);
        }
        return claimed;
    }

    /**
     * After Kafka acknowledged a page: the sweep's position and count, and the lease renewed. Returns false if the
     * lease was lost.
     */
    public boolean pageDone(UUID importId, String owner, Duration lease, long ordersFound, ListKey position) {
        return update("""
                UPDATE import_request SET lease_until = now() + ?::interval, orders_found = ?,
                    cursor_ordered_at = COALESCE(?, cursor_ordered_at), cursor_order_id = COALESCE(?, cursor_order_id)
                WHERE import_id = ? AND lease_owner = ?""",
                ps -> {
                    ps.setString(1, PollScheduleRepository.interval(lease));
                    ps.setLong(2, ordersFound);
                    ps.setTimestamp(3, position == null ? null : Timestamp.from(position.at()));
                    ps.setObject(4, position == null ? null : position.id(), java.sql.Types.BIGINT);
                    ps.setObject(5, importId);
                    ps.setString(6, owner);
                }) == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean finish(UUID importId, String owner, String status, long ordersFound, String error) {
        return update("""
                UPDATE import_request SET status = ?, orders_found = ?, last_error = ?, finished_at = now(),
                    lease_owner = NULL, lease_until = NULL WHERE import_id = ? AND lease_owner = ?""",
                ps -> {
                    ps.setString(1, status);
                    ps.setLong(2, ordersFound);
                    ps.setString(3, error);
                    ps.setObject(4, importId);
                    ps.setString(5, owner);
                }) == 1;
    }

    /** Puts a request back to be tried again after {@code retryIn}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean retryLater(UUID importId, String owner, Duration retryIn, String error) {
        return update("""
                UPDATE import_request SET status = 'queued', next_try_at = now() + ?::interval, last_error = ?,
                    lease_owner = NULL, lease_until = NULL WHERE import_id = ? AND lease_owner = ?""",
                ps -> {
                    ps.setString(1, PollScheduleRepository.interval(retryIn));
                    ps.setString(2, error);
                    ps.setObject(3, importId);
                    ps.setString(4, owner);
                }) == 1;
    }

    public Optional<String> status(UUID importId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT status FROM import_request WHERE import_id = ?")) {
            select.setObject(1, importId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read import " + importId, e);
        }
    }

    private int update(String sql, PollScheduleRepository.Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("import_request update failed", e);
        }
    }

    /** resumeAfter: where an earlier attempt stopped (null: from {@code since}); ordersFound: what it had found. */
    public record ClaimedImport(UUID importId, long storeId, Instant since, Instant requestedAt, int attempts, long ordersFound,
                                ListKey resumeAfter) {
    }
}
