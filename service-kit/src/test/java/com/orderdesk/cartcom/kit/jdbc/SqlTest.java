package com.orderdesk.cartcom.kit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Array;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What {@link Sql} does with JDBC, call by call: how it binds, reads, closes, commits and rolls back, and what its
 * failures say. The statements themselves run against PostgreSQL in the services' tests (their repositories).
 */
class SqlTest {
    /** Every JDBC call the helper made, as {@code Type.method[arguments]}. */
    private final List<String> calls = new ArrayList<>();
    /** Thrown by prepareStatement when set. */
    private SQLException failure;
    /** How many rows each query answers; row n reads n from every column. */
    private int rows;

    @Test
    void bindsEachParameterByItsTypeAndClosesWhatItOpened() {
        Instant at = Instant.parse("2024-05-01T10:15:30Z");
        String update = "UPDATE t SET a = ?, b = now() + ?::interval, c = ?, d = ?";

        assertEquals(1, sql().update(update, at, Duration.ofSeconds(90), 7L, null));

        assertEquals(List.of("DataSource.getConnection", "Connection.prepareStatement[" + update + "]",
                "PreparedStatement.setTimestamp[1, " + Timestamp.from(at) + "]",
                "PreparedStatement.setString[2, 90000 milliseconds]",
                "PreparedStatement.setObject[3, 7]",
                "PreparedStatement.setObject[4, null]",
                "PreparedStatement.executeUpdate",
                "PreparedStatement.close",
                "Connection.close"), calls);
    }

    @Test
    void queryReadsEveryRowAndQueryFirstTheFirstIfThereIsOne() {
        rows = 3;
        assertEquals(List.of(1L, 2L, 3L), sql().query("SELECT a FROM t WHERE b = ?", rs -> rs.getLong(1), "x"));
        assertEquals(Optional.of(1L), sql().queryFirst("SELECT a FROM t", rs -> rs.getLong(1)));
        assertEquals(Optional.empty(), sql().queryFirst("SELECT max(a) FROM t", rs -> null), "a row read as null");
        rows = 0;
        assertEquals(Optional.empty(), sql().queryFirst("SELECT a FROM t", rs -> rs.getLong(1)));
        assertEquals(List.of(), sql().query("SELECT a FROM t", rs -> rs.getLong(1)));
        assertEquals(5, calls.stream().filter("ResultSet.close"::equals).count(), calls.toString());
        assertEquals(5, calls.stream().filter("Connection.close"::equals).count(), calls.toString());
    }

    @Test
    void aFailedStatementIsNamedByItsFirstLine() {
        failure = new SQLException("relation \"missing\" does not exist");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sql().query("""
                SELECT a FROM missing
                WHERE b = ?""", rs -> rs.getLong(1), 1));

        assertEquals("statement failed: SELECT a FROM missing", e.getMessage());
        assertSame(failure, e.getCause());
        assertEquals(List.of("DataSource.getConnection", "Connection.prepareStatement[SELECT a FROM missing\nWHERE b = ?]",
                "Connection.close"), calls);
    }

    @Test
    void workOnOneConnectionSaysWhatCouldNotBeDone() {
        failure = new SQLException("duplicate key");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sql().withConnection(
                "cannot record order 7", connection -> Sql.update(connection, "INSERT INTO t VALUES (?)", 7L)));

        assertEquals("cannot record order 7", e.getMessage());
        assertSame(failure, e.getCause());
        assertEquals("Connection.close", calls.get(calls.size() - 1));
    }

    @Test
    void aLocalTransactionCommitsWhatItsWorkDid() {
        int changed = sql().inTransaction("cannot change t", connection -> Sql.update(connection, "UPDATE t SET a = 1"));

        assertEquals(1, changed);

        assertEquals(List.of("DataSource.getConnection", "Connection.getAutoCommit", "Connection.setAutoCommit[false]",
                "Connection.prepareStatement[UPDATE t SET a = 1]", "PreparedStatement.executeUpdate",
                "PreparedStatement.close", "Connection.commit", "Connection.setAutoCommit[true]", "Connection.close"),
                calls);
    }

    @Test
    void aLocalTransactionRollsBackWhenItsWorkThrows() {
        IllegalArgumentException refused = new IllegalArgumentException("refused");
        assertSame(refused, assertThrows(IllegalArgumentException.class, () -> sql().inTransaction("cannot change t",
                connection -> {
                    Sql.update(connection, "UPDATE t SET a = 1");
                    throw refused;
                })), "a runtime failure goes through as it is");
        assertEquals(List.of("Connection.rollback", "Connection.setAutoCommit[true]", "Connection.close"),
                calls.subList(calls.size() - 3, calls.size()));

        calls.clear();
        failure = new SQLException("deadlock detected");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> sql().inTransaction("cannot change t", connection -> Sql.update(connection, "UPDATE t SET a = 1")));
        assertEquals("cannot change t", e.getMessage());
        assertSame(failure, e.getCause());
        assertEquals(List.of("Connection.rollback", "Connection.setAutoCommit[true]", "Connection.close"),
                calls.subList(calls.size() - 3, calls.size()));
        assertFalse(calls.contains("Connection.commit"), calls.toString());
    }

    @Test
    void aBatchBindsEveryRowAndRunsOnceAndNothingForNoRows() throws SQLException {
        Connection connection = connection();
        Sql.batch(connection, "INSERT INTO t VALUES (?, ?)", List.of(new Object[] {1L, null}, new Object[] {2L, "x"}));

        assertEquals(List.of("Connection.prepareStatement[INSERT INTO t VALUES (?, ?)]",
                "PreparedStatement.setObject[1, 1]", "PreparedStatement.setObject[2, null]", "PreparedStatement.addBatch",
                "PreparedStatement.setObject[1, 2]", "PreparedStatement.setObject[2, x]", "PreparedStatement.addBatch",
                "PreparedStatement.executeBatch", "PreparedStatement.close"), calls);

        calls.clear();
        Sql.batch(connection, "INSERT INTO t VALUES (?, ?)", List.of());
        assertEquals(List.of(), calls);
    }

    private Sql sql() {
        return new Sql(fake(DataSource.class, (method, args) -> method.equals("getConnection") ? connection() : null));
    }

    private Connection connection() {
        return fake(Connection.class, (method, args) -> switch (method) {
            case "prepareStatement" -> {
                if (failure != null) {
                    throw failure;
                }
                yield fake(PreparedStatement.class, this::statement);
            }
            case "getAutoCommit" -> true;
            default -> null;
        });
    }

    private Object statement(String method, Object[] args) {
        return switch (method) {
            case "executeUpdate" -> 1;
            case "executeBatch" -> new int[] {1, 1};
            case "executeQuery" -> resultSet();
            default -> null;
        };
    }

    private ResultSet resultSet() {
        int[] row = {0};
        return fake(ResultSet.class, (method, args) -> switch (method) {
            case "next" -> ++row[0] <= rows;
            case "getLong" -> (long) row[0];
            default -> null;
        });
    }

    @FunctionalInterface
    private interface Answer {
        Object answer(String method, Object[] args) throws SQLException;
    }

    /** A JDBC object that records each call and answers it (null, 0 or false unless {@code answer} says more). */
    private <T> T fake(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    calls.add(type.getSimpleName() + "." + method.getName() + (args == null ? "" : Arrays.toString(args)));
                    Object result = answer.answer(method.getName(), args);
                    Class<?> returns = method.getReturnType();
                    boolean zero = result == null && returns.isPrimitive() && returns != void.class;
                    return zero ? Array.get(Array.newInstance(returns, 1), 0) : result;
                }));
    }
}
