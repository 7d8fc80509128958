package com.orderdesk.cartcom.shipments.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How this service's repositories run SQL: on a pooled connection (the caller's transaction's, if one is open),
 * closed after the statement, a {@link SQLException} rethrown unchecked with what could not be done. The repositories
 * keep their SQL and say only what binds and what a row reads.
 */
@ApplicationScoped
public class Statements {
    /** Sets a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads the current row. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Work that needs the connection itself (several statements, a batch). */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    Statements(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
    public int update(String sql, Binder binder, String cannot) {
        return withConnection(cannot, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                return statement.executeUpdate();
            }
        });
    }

    /** Runs a statement that answers rows (a SELECT, or an UPDATE ... RETURNING) and reads every row. */
    public <T> List<T> list(String sql, Binder binder, RowReader<T> reader, String cannot) {
        return withConnection(cannot, connection -> {
            List<T> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(reader.read(rs));
                    }
                }
            }
            return rows;
        });
    }

    /** The first row's reading, if there is a row. */
    public <T> Optional<T> first(String sql, Binder binder, RowReader<T> reader, String cannot) {
        return withConnection(cannot, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** @param cannot what could not be done if it fails, e.g. "cannot lock order 7" */
    public <T> T withConnection(String cannot, ConnectionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(cannot, e);
        }
    }
}
