package com.orderdesk.cartcom.poller.repository;

import com.orderdesk.cartcom.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The poll_schedule table: which stores are due, who holds them, and their cursor. Every write that ends a
 * poll checks the lease owner, so an instance that lost its lease (paused too long) cannot overwrite the work
 * of the instance that took over.
 */
@ApplicationScoped
public class PollScheduleRepository {

    /**
     * Claims due stores in one statement. {@code FOR UPDATE SKIP LOCKED} lets instances claim side by side
     * without waiting on each other; PostgreSQL re-checks the subquery on rows another claim just changed, so a
     * store is never handed to two instances. {@code %s} is the health condition: stores whose last poll failed
     * are claimed apart from the others (see PollScheduler's lanes).
     */
    private static final String CLAIM = """
            UPDATE poll_schedule SET lease_owner = ?, lease_until = now() + ?::interval, last_polled_at = now(), updated_at = now()
            WHERE store_id IN (
                SELECT store_id FROM poll_schedule
                WHERE next_poll_at <= now() AND (lease_until IS NULL OR lease_until < now())
                  AND active AND paused_reason IS NULL AND %s
                ORDER BY next_poll_at LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING store_id, cursor_updated_at, cursor_order_id, consecutive_failures, walk_unfinished, next_poll_at""";
    private static final String CLAIM_HEALTHY = CLAIM.formatted("consecutive_failures = 0");
    private static final String CLAIM_FAILING = CLAIM.formatted("consecutive_failures > 0");

    private final Sql sql;

    public PollScheduleRepository(Sql sql) {
        this.sql = sql;
    }

    /** Claims up to {@code limit} due stores whose last poll did not fail, longest due first. */
    public List<ClaimedStore> claimDue(String owner, Duration lease, int limit) {
        return claim(CLAIM_HEALTHY, owner, lease, limit);
    }

    /** Claims up to {@code limit} due stores whose last poll failed (their retries), longest due first. */
    public List<ClaimedStore> claimDueFailing(String owner, Duration lease, int limit) {
        return claim(CLAIM_FAILING, owner, lease, limit);
    }

    private List<ClaimedStore> claim(String claim, String owner, Duration lease, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return sql.query(claim, PollScheduleRepository::claimedStore, owner, lease, limit);
    }

    private static ClaimedStore claimedStore(ResultSet rs) throws SQLException {
        return new ClaimedStore(rs.getLong(1), Sql.instant(rs, 2), Sql.nullableLong(rs, 3), rs.getInt(4),
                rs.getBoolean(5), Sql.instant(rs, 6));
    }

    /**
     * Applies a newer snapshot's state. A store that becomes active (or gets new credentials while paused) is
     * due at once; an active store keeps its schedule; an inactive one is no longer claimed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applySnapshot(long storeId, long version, boolean active, boolean credentialsChanged) {
        sql.update("""
                INSERT INTO poll_schedule (store_id, active, snapshot_version, next_poll_at)
                VALUES (?, ?, ?, now())
                ON CONFLICT (store_id) DO UPDATE SET
                    active = EXCLUDED.active,
                    snapshot_version = EXCLUDED.snapshot_version,
                    next_poll_at = CASE
                        WHEN EXCLUDED.active AND (NOT poll_schedule.active OR (? AND poll_schedule.paused_reason IS NOT NULL))
                        THEN now() ELSE poll_schedule.next_poll_at END,
                    paused_reason = CASE WHEN ? THEN NULL ELSE poll_schedule.paused_reason END,
                    consecutive_failures = CASE WHEN ? THEN 0 ELSE poll_schedule.consecutive_failures END,
                    updated_at = now()
                WHERE poll_schedule.snapshot_version < EXCLUDED.snapshot_version""",
                storeId, active, version, credentialsChanged, credentialsChanged, credentialsChanged);
    }

    /** A tombstone: the store is gone, never claimed again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deactivate(long storeId) {
        sql.update("UPDATE poll_schedule SET active = FALSE, updated_at = now() WHERE store_id = ?", storeId);
    }

    /** Keeps the lease while a long poll goes on. Returns false if the lease was lost. */
    public boolean renewLease(long storeId, String owner, Duration lease) {
        return sql.update("UPDATE poll_schedule SET lease_until = now() + ?::interval WHERE store_id = ? AND lease_owner = ?",
                lease, storeId, owner) == 1;
    }

    /** Checks (and keeps) the lease inside a step's transaction when there is no cursor to move. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean renewLeaseInTransaction(long storeId, String owner) {
        return sql.update("UPDATE poll_schedule SET updated_at = now() WHERE store_id = ? AND lease_owner = ?",
                storeId, owner) == 1;
    }

    /** Moves the cursor after Kafka acknowledged the page that reached it (never backwards). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean advanceCursor(long storeId, String owner, Instant updatedAt, Long orderId) {
        return sql.update("""
                UPDATE poll_schedule SET
                    cursor_order_id = CASE WHEN cursor_updated_at IS NULL OR cursor_updated_at <= ? THEN ? ELSE cursor_order_id END,
                    cursor_updated_at = GREATEST(cursor_updated_at, ?), updated_at = now()
                WHERE store_id = ? AND lease_owner = ?""",
                updatedAt, orderId, updatedAt, storeId, owner) == 1;
    }

    /**
     * Ends a successful poll, failures forgotten, lease released. A finished poll makes the next one due
     * {@code next} (the interval) after this one was due, not after it ended: otherwise the wait for a worker and
     * the poll's own length would stretch every interval, and orders would wait longer than the merchant chose. A
     * poll that ended more than an interval after it was due counts from now. {@code walkUnfinished}: the poll
     * stopped early, and the next one continues after the cursor {@code next} from now. A held order due for its next
     * attempt sooner than that makes the next poll come then, since held orders are retried at the end of a poll: an
     * order Cart.com gave incomplete a moment after it was placed must not wait the merchant's interval.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean releaseAfterSuccess(long storeId, String owner, Duration next, boolean walkUnfinished,
                                       Duration earlyPollGap) {
        // An early poll asked for while this one ran (a webhook for an order this poll may have missed) comes next,
        // no sooner than the gap after this one started; so does the next attempt of a held order (LEAST skips NULLs).
        return sql.update("""
                UPDATE poll_schedule SET next_poll_at = LEAST(
                        CASE WHEN NOT ? AND next_poll_at + ?::interval > now()
                        THEN next_poll_at + ?::interval ELSE now() + ?::interval END,
                        CASE WHEN poll_requested_at >= last_polled_at THEN GREATEST(now(), last_polled_at + ?::interval) END,
                        (SELECT min(h.next_attempt_at) FROM held_order h WHERE h.store_id = poll_schedule.store_id)),
                    lease_owner = NULL, lease_until = NULL,
                    consecutive_failures = 0, last_success_at = now(), last_error = NULL, walk_unfinished = ?,
                    updated_at = now()
                WHERE store_id = ? AND lease_owner = ?""",
                walkUnfinished, next, next, next, earlyPollGap, walkUnfinished, storeId, owner) == 1;
    }

    /**
     * Asks for an early poll (a webhook arrived, or a manual import held orders, which a poll retries at its end): the
     * store is due at once, but no sooner than {@code gap} after its last poll started, so a burst of requests makes
     * one poll. A store being polled right now is marked, and {@link #releaseAfterSuccess} makes the next poll due
     * after the gap instead of the interval. A store that is failing (backing off), paused or inactive is left alone.
     * Returns whether the store is known and pollable.
     */
    public boolean requestEarlyPoll(long storeId, Duration gap) {
        return sql.update("""
                UPDATE poll_schedule SET poll_requested_at = now(),
                    next_poll_at = CASE WHEN lease_until IS NULL OR lease_until < now()
                        THEN LEAST(next_poll_at, GREATEST(now(), last_polled_at + ?::interval)) ELSE next_poll_at END,
                    updated_at = now()
                WHERE store_id = ? AND active AND paused_reason IS NULL AND consecutive_failures = 0""",
                gap, storeId) == 1;
    }

    /** Ends a failed poll: retried after {@code retryIn}, one more consecutive failure counted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean releaseAfterFailure(long storeId, String owner, Duration retryIn, String error) {
        return sql.update("""
                UPDATE poll_schedule SET next_poll_at = now() + ?::interval, lease_owner = NULL, lease_until = NULL,
                    consecutive_failures = consecutive_failures + 1, last_error = ?, updated_at = now()
                WHERE store_id = ? AND lease_owner = ?""",
                retryIn, error, storeId, owner) == 1;
    }

    /** Stops polling until the merchant fixes something (a new snapshot with new credentials un-pauses). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean pause(long storeId, String owner, String reason) {
        return sql.update("""
                UPDATE poll_schedule SET paused_reason = ?, last_error = ?, lease_owner = NULL, lease_until = NULL,
                    consecutive_failures = consecutive_failures + 1, updated_at = now()
                WHERE store_id = ? AND lease_owner = ?""",
                reason, reason, storeId, owner) == 1;
    }

    /** Gives a store back to be polled again after {@code next} (throttled by Cart.com), failures unchanged. */
    public boolean releaseUntil(long storeId, String owner, Duration next) {
        return sql.update("""
                UPDATE poll_schedule SET next_poll_at = now() + ?::interval, lease_owner = NULL, lease_until = NULL,
                    updated_at = now()
                WHERE store_id = ? AND lease_owner = ?""",
                next, storeId, owner) == 1;
    }

    /** Gives a store back without changing its schedule (it turned inactive while claimed). */
    public void release(long storeId, String owner) {
        sql.update("UPDATE poll_schedule SET lease_owner = NULL, lease_until = NULL WHERE store_id = ? AND lease_owner = ?",
                storeId, owner);
    }

    public Optional<ScheduleRow> find(long storeId) {
        return sql.queryFirst("""
                SELECT store_id, active, next_poll_at, lease_owner, cursor_updated_at, consecutive_failures,
                       paused_reason, last_error FROM poll_schedule WHERE store_id = ?""",
                rs -> new ScheduleRow(rs.getLong(1), rs.getBoolean(2), Sql.instant(rs, 3), rs.getString(4),
                        Sql.instant(rs, 5), rs.getInt(6), rs.getString(7), rs.getString(8)),
                storeId);
    }

    /** One row as stored, for tests and diagnostics. */
    public record ScheduleRow(long storeId, boolean active, Instant nextPollAt, String leaseOwner, Instant cursorUpdatedAt,
                              int consecutiveFailures, String pausedReason, String lastError) {
    }
}
