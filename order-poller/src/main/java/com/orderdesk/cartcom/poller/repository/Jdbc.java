package com.orderdesk.cartcom.poller.repository;

import io.agroal.api.AgroalDataSource;
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

/**
 * Runs the repositories' statements on the poller's data source: one connection per statement (inside a
 * transaction the data source hands out the transaction's connection), parameters bound in order by their type,
 * and an SQL failure turned into an unchecked one that names the statement. The repositories then say only what
 * they run, not how.
 *
 * <p>Parameters: an {@link Instant} is bound as a timestamp, a {@link Duration} as the text of a PostgreSQL
 * interval (the statement casts it: {@code ?::interval}), anything else as itself (a {@code Long[]} becomes a
 * {@code bigint[]}). A null goes without a type, and PostgreSQL takes the type from where the parameter stands (the
 * column it is assigned or compared to, the other arm of a COALESCE or CASE).
 */
final class Jdbc {

    private final AgroalDataSource dataSource;

    Jdbc(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs an INSERT, UPDATE or DELETE; returns how many rows it changed. */
    int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs a statement that returns rows (a SELECT, or an UPDATE ... RETURNING) and maps each row. */
    <T> List<T> query(String sql, Row<T> row, Object... parameters) {
        List<T> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
        return rows;
    }

    /** The first row of {@link #query}, if there is one. */
    <T> Optional<T> queryFirst(String sql, Row<T> row, Object... parameters) {
        return query(sql, row, parameters).stream().findFirst();
    }

    /** The instant in a nullable timestamp column. */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The value of a nullable bigint column. */
    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
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

    /** Reads one row of a result. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
