package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.importer.entity.PendingStatusUpdate;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.model.outbox.Outbox;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pending "After Import, Set Status" updates as a work queue. A claim pushes {@code next_attempt_at} out by
 * a lease instead of holding a row lock during the Cart.com call: another instance skips the row while the call
 * runs, and if this instance dies the row becomes due again when the lease ends (a restart resumes it).
 */
@ApplicationScoped
public class StatusUpdateQueue {
    private static final String CLAIM = """
            UPDATE pending_status_update SET next_attempt_at = now() + (? * interval '1 millisecond'),
                   attempts = attempts + 1
             WHERE id IN (SELECT id FROM pending_status_update
                           WHERE state = 'PENDING' AND next_attempt_at <= now()
                           ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING id, store_id, order_id, cart_order_id, status_id, attempts""";

    public record Claimed(long id, long storeId, long orderId, long cartOrderId, long statusId, int attempts) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Outbox outbox;

    @Transactional
    public List<Claimed> claimDue(int limit, Duration lease) {
        List<Claimed> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(CLAIM)) {
            update.setLong(1, lease.toMillis());
            update.setInt(2, limit);
            try (ResultSet rs = update.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getInt(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim pending status updates", e);
        }
        return claimed;
    }

    @Transactional
    public void markDone(long id) {
        PendingStatusUpdate update = PendingStatusUpdate.findById(id);
        update.state = PendingStatusUpdate.State.DONE;
        update.lastError = null;
        update.finishedAt = Instant.now();
    }

    @Transactional
    public void retryLater(long id, Instant at, String error) {
        PendingStatusUpdate update = PendingStatusUpdate.findById(id);
        update.nextAttemptAt = at;
        update.lastError = error;
    }

    /** How many updates each store still has waiting (PENDING, claimed or not); stores with none are absent. */
    public Map<Long, Long> pendingByStore() {
        Map<Long, Long> pending = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT store_id, count(*) FROM pending_status_update WHERE state = 'PENDING' GROUP BY store_id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                pending.put(rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count pending status updates", e);
        }
        return pending;
    }

    /** Gives up on the update and reports it with the order, in the same transaction. */
    @Transactional
    public void markFailed(long id, String reason) {
        PendingStatusUpdate update = PendingStatusUpdate.findById(id);
        update.state = PendingStatusUpdate.State.FAILED;
        update.lastError = reason;
        update.finishedAt = Instant.now();
        outbox.add(Topics.INTEGRATION_ACTIVITY, ActivityRecorded.of(update.storeId, ActivityKinds.STATUS_UPDATE_FAILED,
                        ActivityRecorded.Level.error,
                        "Could not set status " + update.statusId + " on Cart.com order " + update.cartOrderId + ": " + reason)
                .withCartOrderId(update.cartOrderId).withOrderId(update.orderId));
    }
}
