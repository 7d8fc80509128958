package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.importer.entity.PendingStatusUpdate;
import com.orderdesk.cartcom.kit.gauge.StoreGauge;
import com.orderdesk.cartcom.kit.jdbc.Sql;
import com.orderdesk.cartcom.kit.outbox.ActivityRecorder;
import com.orderdesk.cartcom.kit.work.StoreLanes;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The pending "After Import, Set Status" updates as a work queue. A claim pushes {@code next_attempt_at} out by
 * a lease instead of holding a row lock during the Cart.com call: another instance skips the row while the call
 * runs, and if this instance dies the row becomes due again when the lease ends (a restart resumes it).
 *
 * <p>Every transition after a claim applies only to a row still PENDING, so a late answer never revives an
 * update that ended another way.
 */
@ApplicationScoped
public class StatusUpdateQueue {
    private static final String CLAIM = """
            UPDATE pending_status_update SET next_attempt_at = now() + (? * interval '1 millisecond'),
                   attempts = attempts + 1
             WHERE id IN (SELECT u.id FROM pending_status_update u
                           WHERE u.state = 'PENDING' AND u.next_attempt_at <= now()
                             AND u.store_id <> ALL (?)
                             AND NOT EXISTS (SELECT 1 FROM store_call_pause p
                                              WHERE p.store_id = u.store_id AND p.paused_until > now())
                           ORDER BY u.next_attempt_at, u.id LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING id, store_id, order_id, cart_order_id, status_id, attempts, check_first""";

    /**
     * checkFirst: read the order at Cart.com before setting the status (an earlier attempt may have been applied
     * without saying so, or a shipment was recorded since the import).
     */
    public record Claimed(long id, long storeId, long orderId, long cartOrderId, long statusId, int attempts,
                          boolean checkFirst) implements StoreLanes.Item {
    }

    private final Sql sql;
    private final ActivityRecorder activity;

    StatusUpdateQueue(Sql sql, ActivityRecorder activity) {
        this.sql = sql;
        this.activity = activity;
    }

    /** Claims due updates of stores neither paused nor in {@code busyStores} (being worked on here already). */
    @Transactional
    public List<Claimed> claimDue(int limit, Duration lease, Collection<Long> busyStores) {
        return sql.query(CLAIM, rs -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getInt(6), rs.getBoolean(7)),
                lease.toMillis(), busyStores.toArray(Long[]::new), limit);
    }

    @Transactional
    public void markDone(long id) {
        PendingStatusUpdate.update("state = ?1, lastError = null, finishedAt = ?2 where id = ?3 and state = ?4",
                PendingStatusUpdate.State.DONE, Instant.now(), id, PendingStatusUpdate.State.PENDING);
    }

    /** Someone else moved the order at Cart.com meanwhile: the update is not made, and says why. */
    @Transactional
    public void markSuperseded(long id, String reason) {
        PendingStatusUpdate.update("state = ?1, lastError = ?2, finishedAt = ?3 where id = ?4 and state = ?5",
                PendingStatusUpdate.State.SUPERSEDED, reason, Instant.now(), id, PendingStatusUpdate.State.PENDING);
    }

    /** A failed attempt, tried again at {@code at}; once a check is asked for it stays until the update ends. */
    @Transactional
    public void retryLater(long id, Instant at, String error, boolean checkFirst) {
        sql.update("UPDATE pending_status_update SET next_attempt_at = ?, last_error = ?,"
                + " check_first = check_first OR ? WHERE id = ? AND state = 'PENDING'", at, error, checkFirst, id);
    }

    /** Gives claimed updates back untried (a paused store, no free worker): not counted as an attempt. */
    @Transactional
    public void release(Collection<Long> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        sql.update("UPDATE pending_status_update SET next_attempt_at = ?, attempts = GREATEST(attempts - 1, 0)"
                + " WHERE id = ANY (?) AND state = 'PENDING'", at, ids.toArray(Long[]::new));
    }

    /** No instance claims the store's updates before {@code until} (a later pause already set is kept). */
    @Transactional
    public void pauseStore(long storeId, Instant until) {
        sql.update("INSERT INTO store_call_pause (store_id, paused_until) VALUES (?, ?) ON CONFLICT (store_id)"
                + " DO UPDATE SET paused_until = GREATEST(store_call_pause.paused_until, EXCLUDED.paused_until)",
                storeId, until);
    }

    /**
     * The store's backlog as a gauge the kit reports on change (activity {@code status_update_backlog}, count
     * {@code statusUpdatesPending}, which settings-service shows as {@code status_updates_pending}).
     */
    @Produces
    @Singleton
    StoreGauge backlogGauge() {
        return new StoreGauge(ActivityKinds.COUNT_STATUS_UPDATES_PENDING, ActivityKinds.STATUS_UPDATE_BACKLOG,
                this::pendingByStore, "%d status update(s) waiting for Cart.com");
    }

    /** How many updates each store still has waiting (PENDING, claimed or not); stores with none are absent. */
    public Map<Long, Long> pendingByStore() {
        return sql.query("SELECT store_id, count(*) FROM pending_status_update WHERE state = 'PENDING' GROUP BY store_id",
                        rs -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Gives up on the update and reports it with the order, in the same transaction. */
    @Transactional
    public void markFailed(long id, String reason) {
        PendingStatusUpdate update = PendingStatusUpdate.findById(id);
        if (update == null || update.state != PendingStatusUpdate.State.PENDING) {
            return;
        }
        update.state = PendingStatusUpdate.State.FAILED;
        update.lastError = reason;
        update.finishedAt = Instant.now();
        activity.record(ActivityRecorded.of(update.storeId, ActivityKinds.STATUS_UPDATE_FAILED,
                        ActivityRecorded.Level.error,
                        "Could not set status " + update.statusId + " on Cart.com order " + update.cartOrderId + ": " + reason)
                .withCartOrderId(update.cartOrderId).withOrderId(update.orderId));
    }
}
