package com.orderdesk.cartcom.kit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Work on one connection in a transaction of its own, outside JTA: committed when the work returns, rolled back
 * when it throws. For the kit's jobs that own their transactions (the outbox relay, the gauges).
 */
public final class LocalTransactions {
    private LocalTransactions() {
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work}; a database failure becomes an IllegalStateException saying {@code cannot}. */
    public static <T> T inTransaction(DataSource dataSource, String cannot, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
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
        } catch (SQLException e) {
            throw new IllegalStateException(cannot, e);
        }
    }
}
