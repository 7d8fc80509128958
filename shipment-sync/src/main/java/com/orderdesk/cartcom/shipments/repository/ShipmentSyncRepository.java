package com.orderdesk.cartcom.shipments.repository;

import com.orderdesk.cartcom.kit.gauge.StoreGauge;
import com.orderdesk.cartcom.kit.jdbc.Sql;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The shipment_sync table: one row per shipment, its state and retry schedule. */
@ApplicationScoped
public class ShipmentSyncRepository {
    private final Sql sql;

    ShipmentSyncRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * Serialises the two consumers that meet on one order (OrderImported and ShipmentCreated) until the end of
     * the current transaction, so a shipment never waits for an order whose import committed in between.
     */
    public void lockOrder(long orderId) {
        sql.queryFirst("SELECT pg_advisory_xact_lock(?)", rs -> true, orderId);
    }

    /** Records a shipment unless it is already known; returns whether it was new. */
    public boolean insertIfAbsent(long shipmentId, long storeId, long orderId, String payload, ShipmentState state) {
        return sql.update("INSERT INTO shipment_sync (shipment_id, store_id, order_id, payload, state, next_attempt_at) "
                        + "VALUES (?, ?, ?, ?, ?, CASE WHEN ? = 'pending' THEN now() END) "
                        + "ON CONFLICT (shipment_id) DO NOTHING",
                shipmentId, storeId, orderId, payload, state.name(), state.name()) == 1;
    }

    /** The order has arrived: its waiting shipments become due now. Returns how many. */
    public int releaseWaiting(long orderId) {
        return sql.update("UPDATE shipment_sync SET state = 'pending', next_attempt_at = now(), updated_at = now() "
                        + "WHERE order_id = ? AND state = 'waiting_for_order'",
                orderId);
    }

    /**
     * Claims up to {@code limit} due pending shipments in one statement: the rows are picked with
     * {@code FOR UPDATE SKIP LOCKED} (other workers skip them) and leased by moving next_attempt_at forward, so
     * no transaction stays open during the Cart.com calls and a crashed worker's rows come back after the lease.
     */
    public List<ClaimedShipment> claimDue(int limit, Duration lease, Collection<Long> busyStores) {
        return sql.query("UPDATE shipment_sync SET next_attempt_at = now() + ?::interval, attempts = attempts + 1, "
                        + "updated_at = now() WHERE shipment_id IN ("
                        + "SELECT shipment_id FROM shipment_sync WHERE state = 'pending' AND next_attempt_at <= now() "
                        + "AND store_id <> ALL(?) ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) "
                        + "RETURNING shipment_id, store_id, order_id, payload, attempts",
                rs -> new ClaimedShipment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5)),
                lease, busyStores.toArray(Long[]::new), limit);
    }

    /** Ends a claimed attempt in a final state; false if the lease was lost to another worker meanwhile. */
    public boolean finish(ClaimedShipment claimed, ShipmentState state, String error) {
        return sql.update("UPDATE shipment_sync SET state = ?, last_error = ?, next_attempt_at = NULL, updated_at = now(), "
                        + "sent_at = CASE WHEN ? = 'sent' THEN now() ELSE sent_at END "
                        + "WHERE shipment_id = ? AND state = 'pending' AND attempts = ?",
                state.name(), error, state.name(), claimed.shipmentId(), claimed.attempts()) == 1;
    }

    /** Puts a claimed shipment back to pending until {@code at}; false if the lease was lost meanwhile. */
    public boolean retryAt(ClaimedShipment claimed, Instant at, String error) {
        return reschedule(claimed, at, error, "");
    }

    /** The same, the claim not counted as an attempt (nothing was sent). */
    public boolean retryWithoutAttempt(ClaimedShipment claimed, Instant at, String error) {
        return reschedule(claimed, at, error, ", attempts = attempts - 1");
    }

    /**
     * Gives claimed shipments back untried, due at {@code at}: not an attempt, and their last error stays. One
     * statement for all of them; a shipment whose lease was lost meanwhile (its attempts moved on) is left alone.
     * Returns how many were given back.
     */
    public int release(List<ClaimedShipment> claimed, Instant at) {
        if (claimed.isEmpty()) {
            return 0;
        }
        return sql.update("UPDATE shipment_sync s SET next_attempt_at = ?, attempts = s.attempts - 1, updated_at = now() "
                        + "FROM unnest(?::bigint[], ?::int[]) AS c(shipment_id, attempts) "
                        + "WHERE s.shipment_id = c.shipment_id AND s.state = 'pending' AND s.attempts = c.attempts",
                at, claimed.stream().map(ClaimedShipment::shipmentId).toArray(Long[]::new),
                claimed.stream().map(ClaimedShipment::attempts).toArray(Integer[]::new));
    }

    private boolean reschedule(ClaimedShipment claimed, Instant at, String error, String attemptsChange) {
        return sql.update("UPDATE shipment_sync SET next_attempt_at = ?, last_error = ?, updated_at = now()" + attemptsChange
                        + " WHERE shipment_id = ? AND state = 'pending' AND attempts = ?",
                at, error, claimed.shipmentId(), claimed.attempts()) == 1;
    }

    /** Shipments whose order never arrived within {@code expiry} are skipped, quietly. Returns how many. */
    public int expireWaiting(Duration expiry) {
        return sql.update("UPDATE shipment_sync SET state = 'skipped', updated_at = now(), "
                        + "last_error = 'the order was never imported from Cart.com' "
                        + "WHERE state = 'waiting_for_order' AND created_at < now() - ?::interval",
                expiry);
    }

    /** The events of the order's shipments already sent to Cart.com, other than {@code exceptShipmentId}. */
    public List<String> sentPayloads(long orderId, long exceptShipmentId) {
        return sql.query("SELECT payload FROM shipment_sync WHERE order_id = ? AND state = 'sent' AND shipment_id <> ?",
                rs -> rs.getString(1), orderId, exceptShipmentId);
    }

    public Optional<ShipmentState> stateOf(long shipmentId) {
        return sql.queryFirst("SELECT state FROM shipment_sync WHERE shipment_id = ?",
                rs -> ShipmentState.valueOf(rs.getString(1)), shipmentId);
    }

    /**
     * Pending shipments per store (those with any) as a gauge the kit reports on change (activity
     * {@code shipments_pending}, shown by settings-service). Shipments waiting for their order's import are not
     * counted: most belong to orders from other channels and will never be sent.
     */
    @Produces
    @Singleton
    StoreGauge pendingGauge() {
        return new StoreGauge(ActivityKinds.COUNT_SHIPMENTS_PENDING, ActivityKinds.SHIPMENTS_PENDING, () -> sql.query(
                        "SELECT store_id, count(*) FROM shipment_sync WHERE state = 'pending' GROUP BY store_id",
                        rs -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                "%d shipment(s) waiting to be sent to Cart.com");
    }
}
