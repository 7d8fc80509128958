package com.orderdesk.cartcom.settings.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.orderdesk.cartcom.kit.jdbc.Sql;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.json.Json;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The activity table, in SQL: the consumed activity of every service inserted deduplicated by event id, and the
 * reads behind activity and status. (What a service reports is written by the kit's ActivityRecorder.)
 */
@ApplicationScoped
public class ActivityRepository {
    private final Sql sql;

    ActivityRepository(Sql sql) {
        this.sql = sql;
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

    private static final String INSERT = "INSERT INTO activity (event_id, store_id, at, kind, level, message, "
            + "cart_order_id, order_id, import_id, counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb)) "
            + "ON CONFLICT (event_id) DO NOTHING";

    /**
     * Keeps the event once: false when it was seen before (a redelivery), and then nothing else happens. A first
     * sighting also moves the manual import it names ({@link ImportProgress}), on the same connection, so in the
     * caller's transaction both happen or neither does.
     */
    public boolean keep(ActivityRecorded event) {
        String cannot = "cannot store activity " + event.eventId();
        String counts;
        try {
            counts = Json.mapper().writeValueAsString(event.counts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(cannot, e);
        }
        return sql.withConnection(cannot, connection -> {
            boolean first = Sql.update(connection, INSERT, event.eventId(), event.storeId(), event.occurredAt(),
                    event.kind(), event.level().name(), event.message(), event.cartOrderId(), event.orderId(),
                    event.importId(), counts) == 1;
            if (first) {
                ImportProgress.apply(connection, event);
            }
            return first;
        });
    }

    public List<Entry> newest(long storeId, int limit) {
        return page(storeId, null, limit, 0);
    }

    /**
     * A page of the log, newest first, for the merchant's page: only {@code level} when it is given, {@code limit} rows
     * after the first {@code offset}.
     */
    public List<Entry> page(long storeId, String level, int limit, int offset) {
        return sql.query("SELECT " + ENTRY_COLUMNS + " FROM activity WHERE store_id = ? "
                        + "AND (CAST(? AS text) IS NULL OR level = ?) ORDER BY at DESC, received_at DESC LIMIT ? OFFSET ?",
                ActivityRepository::entry, storeId, level, level, limit, offset);
    }

    /** Orders imported for the store from {@code since} on (the merchant's "imported today"). */
    public long ordersImportedSince(long storeId, Instant since) {
        return sql.queryFirst("SELECT count(*) FROM activity WHERE store_id = ? AND kind = '"
                + ActivityKinds.ORDER_IMPORTED + "' AND at >= ?", rs -> rs.getLong(1), storeId, since).orElseThrow();
    }

    public StoreStatus status(long storeId) {
        return sql.withConnection("cannot compute the status of store " + storeId, connection -> {
            Instant lastPoll = Sql.queryFirst(connection, "SELECT max(at) FROM activity WHERE store_id = ? AND kind IN ('"
                    + ActivityKinds.POLL + "', '" + ActivityKinds.POLL_FAILED + "')", rs -> Sql.instant(rs, 1), storeId)
                    .orElse(null);
            Instant lastSuccess = Sql.queryFirst(connection, "SELECT max(at) FROM activity WHERE store_id = ? AND kind = '"
                    + ActivityKinds.POLL + "' AND level = 'info'", rs -> Sql.instant(rs, 1), storeId).orElse(null);
            Entry lastError = Sql.queryFirst(connection, "SELECT " + ENTRY_COLUMNS + " FROM activity "
                    + "WHERE store_id = ? AND level = 'error' ORDER BY at DESC LIMIT 1", ActivityRepository::entry, storeId)
                    .orElse(null);
            long imported = Sql.queryFirst(connection, "SELECT count(*) FROM activity WHERE store_id = ? AND kind = '"
                    + ActivityKinds.ORDER_IMPORTED + "'", rs -> rs.getLong(1), storeId).orElseThrow();
            PollFailures failures = Sql.queryFirst(connection, "SELECT count(*), min(at) FROM activity "
                            + "WHERE store_id = ? AND " + FAILED_POLL + " AND at > ?",
                    rs -> new PollFailures(rs.getLong(1), Sql.instant(rs, 2)),
                    storeId, lastSuccess == null ? Instant.EPOCH : lastSuccess).orElseThrow();
            Entry webhooks = Sql.queryFirst(connection, "SELECT " + ENTRY_COLUMNS + " FROM activity WHERE store_id = ? "
                    + "AND kind LIKE '" + ActivityKinds.WEBHOOKS_PREFIX + "%' ORDER BY at DESC LIMIT 1",
                    ActivityRepository::entry, storeId).orElse(null);
            return new StoreStatus(lastPoll, lastSuccess, lastError, imported,
                    newestCount(connection, storeId, ActivityKinds.COUNT_STATUS_UPDATES_PENDING),
                    newestCount(connection, storeId, ActivityKinds.COUNT_SHIPMENTS_PENDING),
                    failures.count(), failures.since(), webhooks);
        });
    }

    /** Failed polls after the last successful one, the first of them at {@code since} (null when there are none). */
    private record PollFailures(long count, Instant since) {
    }

    /** A gauge some service reports in its activity's counts: the newest value reported, 0 until one is. */
    private static long newestCount(Connection connection, long storeId, String key) throws SQLException {
        return Sql.queryFirst(connection, "SELECT (counts ->> ?)::bigint FROM activity WHERE store_id = ? "
                + "AND counts ->> ? IS NOT NULL ORDER BY at DESC LIMIT 1", rs -> rs.getLong(1), key, storeId, key).orElse(0L);
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
}
