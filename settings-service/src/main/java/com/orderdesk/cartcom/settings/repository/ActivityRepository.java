package com.orderdesk.cartcom.settings.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.json.Json;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The activity table, in SQL: the consumed activity of every service inserted deduplicated by event id, and the
 * reads behind activity and status. (What a service reports is written by the kit's ActivityRecorder.)
 */
@ApplicationScoped
public class ActivityRepository {
    private final AgroalDataSource dataSource;

    ActivityRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Entry(Instant at, String kind, String level, String message, Long cartOrderId, Long orderId,
                        UUID importId, Map<String, Long> counts) {
    }

    /**
     * {@code consecutivePollFailures}: failed polls since the last successful one, the first of them at
     * {@code failingSince} (null while polls succeed), so an integration that keeps failing shows it.
     */
    public record StoreStatus(Instant lastPollAt, Instant lastSuccessAt, Entry lastError, long ordersImported,
                              long statusUpdatesPending, long shipmentsPending, long consecutivePollFailures,
                              Instant failingSince) {
    }

    /** A failed poll: the poller's poll_failed, or a poll reported at warn/error level. */
    private static final String FAILED_POLL = "kind IN ('" + ActivityKinds.POLL + "', '" + ActivityKinds.POLL_FAILED
            + "') AND level <> 'info'";

    /** Returns false when the event was seen before (redelivery): nothing else should happen then. */
    public boolean insert(ActivityRecorded event) {
        String sql = "INSERT INTO activity (event_id, store_id, at, kind, level, message, cart_order_id, order_id, "
                + "import_id, counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT (event_id) DO NOTHING";
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, event.eventId());
            insert.setLong(2, event.storeId());
            insert.setTimestamp(3, Timestamp.from(event.occurredAt()));
            insert.setString(4, event.kind());
            insert.setString(5, event.level().name());
            insert.setString(6, event.message());
            setNullable(insert, 7, event.cartOrderId());
            setNullable(insert, 8, event.orderId());
            insert.setObject(9, event.importId(), Types.OTHER);
            insert.setString(10, Json.mapper().writeValueAsString(event.counts()));
            return insert.executeUpdate() == 1;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot store activity " + event.eventId(), e);
        }
    }

    public List<Entry> newest(long storeId, int limit) {
        String sql = "SELECT at, kind, level, message, cart_order_id, order_id, import_id, counts::text FROM activity "
                + "WHERE store_id = ? ORDER BY at DESC, received_at DESC LIMIT ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, storeId);
            select.setInt(2, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read activity of store " + storeId, e);
        }
    }

    public StoreStatus status(long storeId) {
        try (Connection connection = dataSource.getConnection()) {
            Instant lastPoll = instant(connection,
                    "SELECT max(at) FROM activity WHERE store_id = ? AND kind IN ('" + ActivityKinds.POLL + "', '"
                            + ActivityKinds.POLL_FAILED + "')", storeId);
            Instant lastSuccess = instant(connection, "SELECT max(at) FROM activity WHERE store_id = ? AND kind = '"
                    + ActivityKinds.POLL + "' AND level = 'info'", storeId);
            Entry lastError = null;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT at, kind, level, message, cart_order_id, order_id, import_id, counts::text FROM activity "
                            + "WHERE store_id = ? AND level = 'error' ORDER BY at DESC LIMIT 1")) {
                select.setLong(1, storeId);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        lastError = entry(rs);
                    }
                }
            }
            long imported = number(connection, "SELECT count(*) FROM activity WHERE store_id = ? AND kind = '"
                    + ActivityKinds.ORDER_IMPORTED + "'", storeId);
            long failures = 0;
            Instant failingSince = null;
            try (PreparedStatement select = connection.prepareStatement("SELECT count(*), min(at) FROM activity "
                    + "WHERE store_id = ? AND " + FAILED_POLL + " AND at > ?")) {
                select.setLong(1, storeId);
                select.setTimestamp(2, Timestamp.from(lastSuccess == null ? Instant.EPOCH : lastSuccess));
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    failures = rs.getLong(1);
                    failingSince = rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant();
                }
            }
            return new StoreStatus(lastPoll, lastSuccess, lastError, imported,
                    newestCount(connection, storeId, ActivityKinds.COUNT_STATUS_UPDATES_PENDING),
                    newestCount(connection, storeId, ActivityKinds.COUNT_SHIPMENTS_PENDING), failures, failingSince);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compute the status of store " + storeId, e);
        }
    }

    private static long newestCount(Connection connection, long storeId, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT (counts ->> ?)::bigint FROM activity WHERE store_id = ? AND counts ->> ? IS NOT NULL "
                        + "ORDER BY at DESC LIMIT 1")) {
            select.setString(1, key);
            select.setLong(2, storeId);
            select.setString(3, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static Instant instant(Connection connection, String sql, long storeId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, storeId);
            try (ResultSet rs = select.executeQuery()) {
                Timestamp at = rs.next() ? rs.getTimestamp(1) : null;
                return at == null ? null : at.toInstant();
            }
        }
    }

    private static long number(Connection connection, String sql, long storeId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, storeId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        Map<String, Long> counts;
        try {
            counts = Json.mapper().readValue(rs.getString(8), new TypeReference<Map<String, Long>>() { });
        } catch (JsonProcessingException e) {
            counts = Map.of();
        }
        return new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                (Long) rs.getObject(5), (Long) rs.getObject(6), rs.getObject(7, UUID.class), counts);
    }

    private static void setNullable(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
