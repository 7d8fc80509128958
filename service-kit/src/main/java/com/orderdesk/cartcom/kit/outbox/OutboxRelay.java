package com.orderdesk.cartcom.kit.outbox;

import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.EventHeaders;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.kit.jdbc.Sql;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.jboss.logging.Logger;

/**
 * Sends outbox rows to Kafka and marks them sent, oldest first. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances relay side by side without sending a row twice at
 * once; a crash between the broker's acknowledgement and the commit sends a row again, which consumers
 * absorb by event id (at-least-once, never lost). The producer comes from {@link KafkaClients}. Per key, order is
 * kept: a batch is sent in creation order and an idempotent producer keeps per-partition order across its retries.
 *
 * <p>No single row can block the outbox. Each row of a batch has its own outcome:
 * <ul>
 * <li>acknowledged: marked sent;</li>
 * <li>refused for a reason of the row's own ({@link #isRowsOwnFault}: too large for the producer's
 * {@code max.request.size} or the broker's {@code max.message.bytes}, an invalid topic, a record the broker or the
 * serializer rejects): <em>set aside</em> ({@code set_aside_at}, {@code last_error} the reason, {@code attempts}
 * + 1), never claimed again, counted ({@value #SET_ASIDE_METRIC}, tagged by topic), logged once and reported to the
 * row's store as an {@link ActivityKinds#OUTBOX_EVENT_SET_ASIDE} activity written to the outbox in the same
 * transaction; the rows behind it are sent;</li>
 * <li>any other failure (timeout, broker away, not enough replicas, authorization...) is the broker's or the
 * network's, not the row's: that row and every row claimed after it stay pending and go out on a later run, as a
 * whole batch did before; the batch's outcomes before it are committed and {@link #relayBatch} then throws.</li>
 * </ul>
 */
public final class OutboxRelay implements AutoCloseable {
    /** Rows set aside, tagged {@code topic}. */
    public static final String SET_ASIDE_METRIC = "outbox.rows.set.aside";
    /** The longest reason kept in {@code last_error} and the activity's message. */
    static final int MAX_REASON = 500;
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Sql sql;
    private final Producer<String, String> producer;
    private final int batchSize;
    private final long sendTimeoutMillis;
    private final MeterRegistry metrics;

    public OutboxRelay(Sql sql, Producer<String, String> producer, int batchSize, long sendTimeoutMillis,
                       MeterRegistry metrics) {
        this.sql = sql;
        this.producer = producer;
        this.batchSize = batchSize;
        this.sendTimeoutMillis = sendTimeoutMillis;
        this.metrics = metrics;
    }

    /**
     * Sends one batch. Returns how many rows it settled (sent or set aside); 0 means the outbox is empty (or another
     * instance holds the rows). On a transient send failure the rows before it that were acknowledged or set aside
     * are committed as such, the rest stay pending for the next call, and this throws.
     */
    public int relayBatch() {
        Outcome outcome = sql.inTransaction("outbox relay failed", this::relay);
        if (outcome.failure() != null) {
            throw new IllegalStateException("Kafka did not acknowledge the outbox batch", outcome.failure());
        }
        return outcome.settled();
    }

    /** Sends until the outbox is empty; returns the total settled (sent or set aside). */
    public int drain() {
        int total = 0;
        int settled;
        do {
            settled = relayBatch();
            total += settled;
        } while (settled == batchSize);
        return total;
    }

    private Outcome relay(Connection connection) throws SQLException {
        List<Row> rows = claim(connection);
        if (rows.isEmpty()) {
            return new Outcome(0, null);
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, row.key, row.payload);
            record.headers().add(EventHeaders.EVENT_TYPE, row.eventType.getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.EVENT_ID, row.id.toString().getBytes(StandardCharsets.UTF_8));
            acks.add(send(record));
        }
        producer.flush();
        List<Row> sent = new ArrayList<>(rows.size());
        List<SetAside> setAside = new ArrayList<>();
        Throwable transientFailure = null;
        int pending = 0;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(sendTimeoutMillis);
        for (int n = 0; n < rows.size(); n++) {
            Row row = rows.get(n);
            try {
                acks.get(n).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(row);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka", e);
            } catch (ExecutionException e) {
                if (isRowsOwnFault(e.getCause())) {
                    setAside.add(new SetAside(row, reason(e.getCause())));
                } else {
                    transientFailure = e.getCause();
                    pending = rows.size() - n;
                    break;
                }
            } catch (TimeoutException e) {
                transientFailure = e;
                pending = rows.size() - n;
                break;
            }
        }
        // After a transient failure, the rest of the batch stays pending even where Kafka acknowledged a row:
        // the failed row goes out again on a later run, and a later row of the same key marked sent now would
        // then precede it on its partition (consumers drop the resent copy by event id, so that order would stay).
        // Left pending, those rows are sent again after it: a duplicate each, absorbed by event id, in order. The
        // idempotent producer fails the batches behind a failed one on the same partition anyway, so that is rare.
        markSent(connection, sent);
        for (SetAside aside : setAside) {
            setAside(connection, aside);
        }
        if (transientFailure != null) {
            LOG.warnf("Kafka did not acknowledge outbox event %s (%s); it and the %d claimed after it stay pending: %s",
                    rows.get(rows.size() - pending).id, rows.get(rows.size() - pending).topic, pending - 1,
                    transientFailure.toString());
        }
        return new Outcome(sent.size() + setAside.size(), transientFailure);
    }

    /** A send the producer refuses at once (a serializer's or a metadata error) fails its future like any other. */
    private Future<RecordMetadata> send(ProducerRecord<String, String> record) {
        try {
            return producer.send(record);
        } catch (KafkaException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * A failure of the record itself, which no retry can cure: the producer's own size check (larger than
     * {@code max.request.size} or {@code buffer.memory}, known before sending) and the broker's
     * ({@code max.message.bytes}) raise {@link RecordTooLargeException}; a topic name Kafka refuses, a record or
     * timestamp the broker rejects, a value the serializer cannot write. Everything else (timeouts, broker or leader
     * away, not enough replicas, authorization, a fenced or closed producer) is not the row's doing: it stays pending.
     */
    static boolean isRowsOwnFault(Throwable failure) {
        return failure instanceof RecordTooLargeException
                || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidTopicException
                || failure instanceof InvalidRecordException
                || failure instanceof InvalidTimestampException
                || failure instanceof SerializationException;
    }

    static String reason(Throwable failure) {
        return truncate(failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    private static String truncate(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 3) + "...";
    }

    private List<Row> claim(Connection connection) throws SQLException {
        return Sql.query(connection, "SELECT id, topic, record_key, event_type, payload FROM outbox_event "
                        + "WHERE sent_at IS NULL AND set_aside_at IS NULL "
                        + "ORDER BY created_at, id LIMIT ? FOR UPDATE SKIP LOCKED",
                rs -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)),
                batchSize);
    }

    /** One statement for the whole batch rather than one per row (the relay keeps up with batched imports). */
    private static void markSent(Connection connection, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Sql.update(connection, "UPDATE outbox_event SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY (?)",
                connection.createArrayOf("uuid", rows.stream().map(Row::id).toArray()));
    }

    /** Sets the row aside with its reason and, in the same transaction, tells its store through the outbox. */
    private void setAside(Connection connection, SetAside aside) throws SQLException {
        Row row = aside.row();
        Sql.update(connection,
                "UPDATE outbox_event SET set_aside_at = now(), attempts = attempts + 1, last_error = ? WHERE id = ?",
                aside.reason(), row.id());
        LOG.warnf("outbox event %s (topic %s, type %s, key %s, %d bytes) set aside, Kafka refused it: %s", row.id(),
                row.topic(), row.eventType(), row.key(), row.size(), aside.reason());
        metrics.counter(SET_ASIDE_METRIC, "topic", row.topic()).increment();
        Long storeId = storeId(row);
        if (storeId == null || isSetAsideActivity(row)) {
            // Not a store's event (no numeric key), or the report of a set-aside row itself refused: reporting that
            // one again would go the same way, endlessly. The log and the metric say it.
            return;
        }
        ActivityRecorded activity = ActivityRecorded.of(storeId, ActivityKinds.OUTBOX_EVENT_SET_ASIDE,
                ActivityRecorded.Level.error, truncate("Event " + row.eventType() + " (" + row.size() + " bytes, topic "
                        + row.topic() + ") was not sent and is set aside: " + aside.reason()));
        Outbox.addBatch(connection, List.of(Outbox.Row.of(Topics.INTEGRATION_ACTIVITY, activity)));
    }

    /** Every store-keyed topic's record key is the Order Desk store id (Topics); anything else has no store. */
    private static Long storeId(Row row) {
        try {
            return row.key() == null ? null : Long.valueOf(row.key());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isSetAsideActivity(Row row) {
        if (!ActivityRecorded.TYPE.equals(row.eventType()) || row.payload() == null
                || row.payload().length() > 4 * MAX_REASON) {
            return false;
        }
        try {
            return ActivityKinds.OUTBOX_EVENT_SET_ASIDE.equals(
                    EventCodec.read(row.payload(), ActivityRecorded.class).kind());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    private record Row(UUID id, String topic, String key, String eventType, String payload) {
        /** The record's key and value in bytes (UTF-8, as the string serializers write them). */
        long size() {
            return (key == null ? 0 : key.getBytes(StandardCharsets.UTF_8).length)
                    + (payload == null ? 0 : payload.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    private record SetAside(Row row, String reason) {
    }

    private record Outcome(int settled, Throwable failure) {
    }
}
