package com.orderdesk.cartcom.kit.consuming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.model.events.MalformedEventException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DatabaseOutagesTest {
    private static final Duration SHORT = Duration.ofMillis(1);

    /** What PostgreSQL's driver throws, wrapped the way the repositories wrap it. */
    private static RuntimeException wrapped(String sqlState, String message) {
        return new IllegalStateException("cannot store activity 42", new SQLException(message, sqlState));
    }

    @Test
    void connectionFailuresShutdownsAndExhaustionAreOutages() {
        assertTrue(DatabaseOutages.isOutage(wrapped("08003", "This connection has been closed.")));
        assertTrue(DatabaseOutages.isOutage(wrapped("08006", "An I/O error occurred while sending to the backend.")));
        assertTrue(DatabaseOutages.isOutage(wrapped("08001", "Connection to 127.0.0.1:5432 refused.")));
        assertTrue(DatabaseOutages.isOutage(wrapped("57P01", "terminating connection due to administrator command")));
        assertTrue(DatabaseOutages.isOutage(wrapped("57P03", "the database system is starting up")));
        assertTrue(DatabaseOutages.isOutage(wrapped("53300", "too many clients already")));
        assertTrue(DatabaseOutages.isOutage(wrapped(null, "Sorry, acquisition timeout!")));
        assertTrue(DatabaseOutages.isOutage(
                wrapped("55000", "FATAL: database \"importer\" is not currently accepting connections")));
        assertTrue(DatabaseOutages.isOutage(new RuntimeException(new SQLTransientConnectionException("gone"))));
    }

    /** How Narayana reports a commit whose connection PostgreSQL terminated: the driver's error is suppressed. */
    @Test
    void aCommitThatMetADroppedConnectionIsAnOutage() {
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        RuntimeException rollback = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertTrue(DatabaseOutages.isOutage(new RuntimeException("QuarkusTransactionException", rollback)));
    }

    /** A JDBC batch whose connection was terminated: the statement's own error is the batch exception's next one. */
    @Test
    void aBatchThatMetADroppedConnectionIsAnOutage() {
        assertTrue(DatabaseOutages.isOutage(new IllegalStateException("import of 3 orders failed",
                failedBatch(new SQLException("FATAL: terminating connection due to administrator command", "57P01")))));
        assertFalse(DatabaseOutages.isOutage(new IllegalStateException("import of 3 orders failed",
                failedBatch(new SQLException("duplicate key value violates unique constraint", "23505")))));
    }

    private static SQLException failedBatch(SQLException statementError) {
        SQLException batch = new BatchUpdateException("Batch entry 0 was aborted", null, new int[0]);
        batch.setNextException(statementError);
        return batch;
    }

    @Test
    void badDataAndBugsAreNotOutages() {
        assertFalse(DatabaseOutages.isOutage(wrapped("23505", "duplicate key value violates unique constraint")));
        assertFalse(DatabaseOutages.isOutage(wrapped("22P02", "invalid input syntax for type uuid")));
        assertFalse(DatabaseOutages.isOutage(
                wrapped("55000", "currval of sequence \"od_order_id_seq\" is not yet defined in this session")));
        assertFalse(DatabaseOutages.isOutage(new RuntimeException(new SQLIntegrityConstraintViolationException("x"))));
        assertFalse(DatabaseOutages.isOutage(new MalformedEventException("storeId missing")));
        assertFalse(DatabaseOutages.isOutage(new NullPointerException()));
    }

    @Test
    void aCauseCycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(DatabaseOutages.isOutage(a));
    }

    @Test
    void workIsRetriedUntilTheDatabaseAnswers() {
        AtomicInteger calls = new AtomicInteger();
        String result = DatabaseOutages.retryThrough("test work", () -> {
            if (calls.incrementAndGet() < 5) {
                throw wrapped("08006", "An I/O error occurred while sending to the backend.");
            }
            return "stored";
        }, SHORT, SHORT);
        assertEquals("stored", result);
        assertEquals(5, calls.get());
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        MalformedEventException malformed = new MalformedEventException("storeId missing");
        MalformedEventException thrown = assertThrows(MalformedEventException.class,
                () -> DatabaseOutages.retryThrough("test work", () -> {
                    calls.incrementAndGet();
                    throw malformed;
                }, SHORT, SHORT));
        assertSame(malformed, thrown);
        assertEquals(1, calls.get());

        RuntimeException duplicate = wrapped("23505", "duplicate key");
        assertSame(duplicate, assertThrows(IllegalStateException.class,
                () -> DatabaseOutages.retryThrough("test work", () -> {
                    throw duplicate;
                }, SHORT, SHORT)));
    }
}
