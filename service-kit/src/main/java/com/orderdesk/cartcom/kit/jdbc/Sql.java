package com.orderdesk.cartcom.kit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * How the services run SQL: a statement with its parameters in order, bound by their type, and each row it answers
 * read by a {@link Row}. Callers say only what they run, not how.
 *
 * <p>On the data source (the instance methods) a statement borrows a connection and gives it back; inside a JTA
 * transaction the data source (Quarkus' Agroal) hands out the transaction's connection, so the statement is part of
 * it. An SQL failure becomes an {@link IllegalStateException} that names the statement (its first line). Several
 * statements on one connection (a batch, a row lock held between statements) run in {@link #withConnection}, or in a
 * local transaction of their own in {@link #inTransaction}, through the static methods that take the connection;
 * those throw the {@link SQLException}, and the work's failure says what could not be done.
 *
 * <p>Parameters: an {@link Instant} is bound as a timestamp, a {@link Duration} as the text of a PostgreSQL interval
 * (the statement casts it: {@code ?::interval}), anything else as itself (a {@code Long[]} becomes a
 * {@code bigint[]}, a {@link java.sql.Array} stays one). A null goes without a type, and PostgreSQL takes the type
 * from where the parameter stands (the column it is assigned or compared to, the other arm of a COALESCE or CASE).
 */
public final class Sql {
    /** Reads the current row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs an INSERT, UPDATE or DELETE; returns how many rows it changed. */
    public int update(String sql, Object... parameters) {
        return onConnection(connection -> update(connection, sql, parameters), e -> failed(sql, e));
    }

    /** Runs a statement that answers rows (a SELECT, or an UPDATE ... RETURNING) and reads every row. */
    public <T> List<T> query(String sql, Row<T> row, Object... parameters) {
        return onConnection(connection -> query(connection, sql, row, parameters), e -> failed(sql, e));
    }

    /** The reading of the first row {@link #query} would answer; empty when there is none (or it reads as null). */
    public <T> Optional<T> queryFirst(String sql, Row<T> row, Object... parameters) {
        return onConnection(connection -> queryFirst(connection, sql, row, parameters), e -> failed(sql, e));
    }

    /**
     * Runs {@code work} on one connection (the JTA transaction's, if one is open); a database failure becomes an
     * IllegalStateException saying {@code cannot}, e.g. "cannot record imported order 7".
     */
    public <T> T withConnection(String cannot, Work<T> work) {
        return onConnection(work, e -> new IllegalStateException(cannot, e));
    }

    /**
     * Runs {@code work} on one connection in a transaction of its own, outside JTA: committed when the work returns,
     * rolled back when it throws; a database failure becomes an IllegalStateException saying {@code cannot}. For
     * the jobs that own their transactions (the outbox relay, the gauges, the call budget).
     */
    public <T> T inTransaction(String cannot, Work<T> work) {
        return withConnection(cannot, connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    /** {@link #update(String, Object...)} on the caller's connection. */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    /** {@link #query(String, Row, Object...)} on the caller's connection. */
    public static <T> List<T> query(Connection connection, String sql, Row<T> row, Object... parameters)
            throws SQLException {
        return select(connection, sql, parameters, rs -> {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row.read(rs));
            }
            return rows;
        });
    }

    /** {@link #queryFirst(String, Row, Object...)} on the caller's connection. */
    public static <T> Optional<T> queryFirst(Connection connection, String sql, Row<T> row, Object... parameters)
            throws SQLException {
        return select(connection, sql, parameters, rs -> rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty());
    }

    /** Runs the statement once for each of {@code parameterRows} in one JDBC batch; nothing at all for none. */
    public static void batch(Connection connection, String sql, List<Object[]> parameterRows) throws SQLException {
        if (parameterRows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] parameters : parameterRows) {
                bind(statement, parameters);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** The instant in a nullable timestamp column. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The value of a nullable bigint column. */
    public static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private <T> T onConnection(Work<T> work, Function<SQLException, IllegalStateException> failure) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    /** The statement's result, read whole by {@code result} while it is open. */
    private static <T> T select(Connection connection, String sql, Object[] parameters, Row<T> result)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                return result.read(rs);
            }
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            int index = i + 1;
            Object parameter = parameters[i];
            if (parameter instanceof Instant instant) {
                statement.setTimestamp(index, Timestamp.from(instant));
            } else if (parameter instanceof Duration duration) {
                statement.setString(index, duration.toMillis() + " milliseconds");
            } else {
                statement.setObject(index, parameter);
            }
        }
    }

    private static IllegalStateException failed(String sql, SQLException e) {
        String firstLine = sql.strip().lines().findFirst().orElse(sql);
        return new IllegalStateException("statement failed: " + firstLine, e);
    }
}
