package com.orderdesk.cartcom.kit.outbox;

import com.orderdesk.cartcom.model.events.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Sends outbox rows to Kafka and marks them sent, oldest first. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances relay side by side without sending a row twice at
 * once; a crash between the broker's acknowledgement and the commit sends a row again, which consumers
 * absorb by event id (at-least-once, never lost). The producer comes from {@link KafkaClients}. Per key, order is kept: a batch is sent in creation order
 * and an idempotent producer keeps per-partition order across its retries.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final DataSource dataSource;
    private final Producer<String, String> producer;
    private final int batchSize;
    private final long sendTimeoutMillis;

    public OutboxRelay(DataSource dataSource, Producer<String, String> producer, int batchSize, long sendTimeoutMillis) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.batchSize = batchSize;
        this.sendTimeoutMillis = sendTimeoutMillis;
    }

    /**
     * Sends one batch. Returns how many rows were sent; 0 means the outbox is empty (or another instance holds
     * the rows). On a send failure nothing of the batch is marked, and the rows are retried on the next call.
     */
    public int relayBatch() {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                int sent = relay(connection);
                connection.commit();
                return sent;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox relay failed", e);
        }
    }

    /** Sends until the outbox is empty; returns the total sent. */
    public int drain() {
        int total = 0;
        int sent;
        do {
            sent = relayBatch();
            total += sent;
        } while (sent == batchSize);
        return total;
    }

    private int relay(Connection connection) throws SQLException {
        List<Row> rows = claim(connection);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, row.key, row.payload);
            record.headers().add(EventHeaders.EVENT_TYPE, row.eventType.getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.EVENT_ID, row.id.toString().getBytes(StandardCharsets.UTF_8));
            acks.add(producer.send(record));
        }
        producer.flush();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(sendTimeoutMillis, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("Kafka did not acknowledge %d outbox events; they stay pending: %s", rows.size(), e.toString());
            throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
        }
        markSent(connection, rows);
        return rows.size();
    }

    private List<Row> claim(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, topic, record_key, event_type, payload FROM outbox_event WHERE sent_at IS NULL "
                        + "ORDER BY created_at, id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
        }
        return rows;
    }

    /** One statement for the whole batch rather than one per row (the relay keeps up with batched imports). */
    private static void markSent(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY (?)")) {
            update.setArray(1, connection.createArrayOf("uuid", rows.stream().map(Row::id).toArray()));
            update.executeUpdate();
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    private record Row(UUID id, String topic, String key, String eventType, String payload) {
    }
}
