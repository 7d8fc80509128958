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
                              Instant failingSince, Entry webhooks) {
    }

    /** What {@link #entry} reads, in its order. */
    private static final String ENTRY_COLUMNS = "at, kind, level, message, cart_order_id, order_id, import_id, counts::text";

    /** A failed poll: the poller's poll_failed, or a poll reported at warn/error level. */
    private static final String FAILED_POLL = "kind IN ('" + ActivityKinds.POLL + "', '" + ActivityKinds.POLL_FAILED
            + "') AND level <> 'info'";

    /**
     * Keeps the event once: false when it was seen before (a redelivery), and then nothing else happens. A first
     * sighting also moves the manual import it names ({@link ImportProgress}), on the same connection, so in the
     * caller's transaction both happen or neither does.
     */
    public boolean keep(ActivityRecorded event) {
        try (Connection connection = dataSource.getConnection()) {
            boolean first = insert(connection, event);
            if (first) {
                ImportProgress.apply(connection, event);
            }
            return first;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot store activity " + event.eventId(), e);
        }
    }

    private static boolean insert(Connection connection, ActivityRecorded event)
            throws SQLException, JsonProcessingException {
        String sql = "INSERT INTO activity (event_id, store_id, at, kind, level, message, cart_order_id, order_id, "
                + "import_id, counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT (event_id) DO NOTHING";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
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
        }
    }

    public List<Entry> newest(long storeId, int limit) {
        return page(storeId, null, limit, 0);
    }

    /**
     * A page of the log, newest first, for the merchant's page: only {@code level} when it is given, {@code limit} rows
     * after the first {@code offset}.
     */
    public List<Entry> page(long storeId, String level, int limit, int offset) {
        String sql = "SELECT " + ENTRY_COLUMNS + " FROM activity WHERE store_id = ? AND (CAST(? AS text) IS NULL OR level = ?) "
                + "ORDER BY at DESC, received_at DESC LIMIT ? OFFSET ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, storeId);
            select.setString(2, level);
            select.setString(3, level);
            select.setInt(4, limit);
            select.setInt(5, offset);
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

    /** Orders imported for the store from {@code since} on (the merchant's "imported today"). */
    public long ordersImportedSince(long storeId, Instant since) {
        try (Connection connection = dataSource.getConnection()) {
            return firstRow(connection, "SELECT count(*) FROM activity WHERE store_id = ? AND kind = '"
                    + ActivityKinds.ORDER_IMPORTED + "' AND at >= ?", rs -> rs.getLong(1), storeId, Timestamp.from(since));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the imported orders of store " + storeId, e);
        }
    }

    public StoreStatus status(long storeId) {
        try (Connection connection = dataSource.getConnection()) {
            Instant lastPoll = firstRow(connection, "SELECT max(at) FROM activity WHERE store_id = ? AND kind IN ('"
                    + ActivityKinds.POLL + "', '" + ActivityKinds.POLL_FAILED + "')", rs -> instant(rs, 1), storeId);
            Instant lastSuccess = firstRow(connection, "SELECT max(at) FROM activity WHERE store_id = ? AND kind = '"
                    + ActivityKinds.POLL + "' AND level = 'info'", rs -> instant(rs, 1), storeId);
            Entry lastError = firstRow(connection, "SELECT " + ENTRY_COLUMNS + " FROM activity "
                    + "WHERE store_id = ? AND level = 'error' ORDER BY at DESC LIMIT 1", ActivityRepository::entry, storeId);
            long imported = firstRow(connection, "SELECT count(*) FROM activity WHERE store_id = ? AND kind = '"
                    + ActivityKinds.ORDER_IMPORTED + "'", rs -> rs.getLong(1), storeId);
            PollFailures failures = firstRow(connection, "SELECT count(*), min(at) FROM activity "
                            + "WHERE store_id = ? AND " + FAILED_POLL + " AND at > ?",
                    rs -> new PollFailures(rs.getLong(1), instant(rs, 2)),
                    storeId, Timestamp.from(lastSuccess == null ? Instant.EPOCH : lastSuccess));
            Entry webhooks = firstRow(connection, "SELECT " + ENTRY_COLUMNS + " FROM activity WHERE store_id = ? "
                    + "AND kind LIKE '" + ActivityKinds.WEBHOOKS_PREFIX + "%' ORDER BY at DESC LIMIT 1",
                    ActivityRepository::entry, storeId);
            return new StoreStatus(lastPoll, lastSuccess, lastError, imported,
                    newestCount(connection, storeId, ActivityKinds.COUNT_STATUS_UPDATES_PENDING),
                    newestCount(connection, storeId, ActivityKinds.COUNT_SHIPMENTS_PENDING),
                    failures.count(), failures.since(), webhooks);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compute the status of store " + storeId, e);
        }
    }

    /** Failed polls after the last successful one, the first of them at {@code since} (null when there are none). */
    private record PollFailures(long count, Instant since) {
    }

    /** A gauge some service reports in its activity's counts: the newest value reported, 0 until one is. */
    private static long newestCount(Connection connection, long storeId, String key) throws SQLException {
        Long newest = firstRow(connection, "SELECT (counts ->> ?)::bigint FROM activity WHERE store_id = ? "
                + "AND counts ->> ? IS NOT NULL ORDER BY at DESC LIMIT 1", rs -> rs.getLong(1), key, storeId, key);
        return newest == null ? 0 : newest;
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The first row the query answers for these parameters, read by {@code reader}; null when it answers none. */
    private static <T> T firstRow(Connection connection, String sql, RowReader<T> reader, Object... parameters)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? reader.read(rs) : null;
            }
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
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
