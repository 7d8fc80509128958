package com.orderdesk.cartcom.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A database outage for a test, without stopping the shared PostgreSQL: for a while the test application's database
 * refuses new connections (as a server that is restarting or closed for maintenance would) and every other connection
 * to it is terminated every 100 ms (as a restart or a failover drops them). The service's pool then meets closed
 * connections, refused statements, I/O errors and failed connection attempts, as in production.
 */
public final class ConnectionDropper {
    private static final Duration EVERY = Duration.ofMillis(100);
    private static final Pattern DATABASE_IN_URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(.*)");

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
        Matcher jdbcUrl = DATABASE_IN_URL.matcher(url);
        if (!jdbcUrl.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL with a database: " + url);
        }
        String database = jdbcUrl.group(2);
        // A database cannot be closed from a connection to itself: the maintenance database does it.
        String adminUrl = jdbcUrl.group(1) + "postgres" + jdbcUrl.group(3);
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
             Statement alter = admin.createStatement();
             PreparedStatement terminate = admin.prepareStatement("SELECT count(pg_terminate_backend(pid)) "
                     + "FROM pg_stat_activity WHERE datname = ?")) {
            terminate.setString(1, database);
            alter.execute("ALTER DATABASE " + quoted(database) + " ALLOW_CONNECTIONS false");
            try {
                return terminateEvery(EVERY, length, terminate);
            } finally {
                alter.execute("ALTER DATABASE " + quoted(database) + " ALLOW_CONNECTIONS true");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the connections to " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int terminateEvery(Duration every, Duration length, PreparedStatement terminate)
            throws SQLException, InterruptedException {
        long end = System.nanoTime() + length.toNanos();
        int dropped = 0;
        while (System.nanoTime() < end) {
            try (ResultSet rs = terminate.executeQuery()) {
                rs.next();
                dropped += rs.getInt(1);
            }
            Thread.sleep(every.toMillis());
        }
        return dropped;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
