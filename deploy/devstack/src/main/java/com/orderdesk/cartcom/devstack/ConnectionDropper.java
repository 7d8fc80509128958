package com.orderdesk.cartcom.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A database outage for a test, without stopping the shared PostgreSQL: every other connection to the test
 * application's database is terminated every 100 ms for a while, as a restart or a failover would drop them. The
 * service's pool then meets closed connections, refused statements and I/O errors, as in production.
 */
public final class ConnectionDropper {
    private static final Duration EVERY = Duration.ofMillis(100);

    private ConnectionDropper() {
    }

    /** Starts dropping the connections of the application's datasource for {@code length}; yields how many it dropped. */
    public static CompletableFuture<Integer> dropFor(Duration length) {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getValue("quarkus.datasource.password", String.class);
        return CompletableFuture.supplyAsync(() -> drop(url, user, password, length));
    }

    private static int drop(String url, String user, String password, Duration length) {
        try (Connection admin = DriverManager.getConnection(url, user, password);
             Statement terminate = admin.createStatement()) {
            long end = System.nanoTime() + length.toNanos();
            int dropped = 0;
            while (System.nanoTime() < end) {
                try (ResultSet rs = terminate.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
                    rs.next();
                    dropped += rs.getInt(1);
                }
                Thread.sleep(EVERY.toMillis());
            }
            return dropped;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the connections to " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
