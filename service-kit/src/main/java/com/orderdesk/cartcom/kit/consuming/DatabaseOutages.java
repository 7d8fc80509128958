package com.orderdesk.cartcom.kit.consuming;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A consumer's work on a record is retried for as long as PostgreSQL is away (restarting, failing over, out of
 * connections), however long that is: the record waits, its partition waits behind it, and nothing is sent to a
 * dead-letter topic because the database was down. Any other failure is thrown at once, for the consumer's own rules
 * (a malformed record to the dead-letter topic, a bounded retry for the rest).
 */
public final class DatabaseOutages {
    private static final Logger LOG = Logger.getLogger(DatabaseOutages.class);
    /** First wait, then doubling up to {@link #MAX_WAIT}: quick through a restart, light on a long outage. */
    public static final Duration FIRST_WAIT = Duration.ofMillis(500);
    public static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final int MAX_CAUSES = 64;

    private DatabaseOutages() {
    }

    /** Runs {@code work} until it completes without a database outage; {@code what} names it in the log. */
    public static void retryThrough(String what, Runnable work) {
        retryThrough(what, () -> {
            work.run();
            return null;
        });
    }

    public static <T> T retryThrough(String what, Supplier<T> work) {
        return retryThrough(what, work, FIRST_WAIT, MAX_WAIT);
    }

    static <T> T retryThrough(String what, Supplier<T> work, Duration firstWait, Duration maxWait) {
        Duration wait = firstWait;
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isOutage(e)) {
                    throw e;
                }
                LOG.warnf("%s waits for the database (attempt %d failed, next in %d ms): %s", what, attempt,
                        wait.toMillis(), rootMessage(e));
                sleep(wait);
                Duration doubled = wait.multipliedBy(2);
                wait = doubled.compareTo(maxWait) > 0 ? maxWait : doubled;
            }
        }
    }

    /**
     * Whether the failure, or any cause, suppressed or next (JDBC batch) exception of it, says the database could not
     * be reached or dropped the connection: SQLState class 08 (connection exception), 57P01-57P03 (shut down, crashed,
     * starting up), class 53 (out of connections or memory), a database closed to connections, the JDBC driver's
     * transient and recoverable kinds, or a connection pool that timed out waiting for a connection. Suppressed
     * exceptions count because a transaction manager reports a commit that met a dropped connection as a rollback,
     * with the driver's error suppressed beside it.
     */
    public static boolean isOutage(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> toVisit = new ArrayDeque<>();
        toVisit.add(failure);
        while (!toVisit.isEmpty() && seen.size() < MAX_CAUSES) {
            Throwable t = toVisit.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && (outageState(sql.getSQLState()) || poolTimedOut(sql) || closed(sql))) {
                return true;
            }
            if (t.getCause() != null) {
                toVisit.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                // A failed JDBC batch says "see getNextException"; the statement's own error is there.
                toVisit.add(sql.getNextException());
            }
            toVisit.addAll(Arrays.asList(t.getSuppressed()));
        }
        return false;
    }

    private static boolean outageState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.equals("57P01")
                || state.equals("57P02") || state.equals("57P03"));
    }

    /** The database refuses connections: an administrator closed it ({@code ALLOW_CONNECTIONS false}) for maintenance. */
    private static boolean closed(SQLException e) {
        return "55000".equals(e.getSQLState()) && e.getMessage() != null
                && e.getMessage().contains("is not currently accepting connections");
    }

    /** Agroal's "acquisition timeout" carries no SQLState: every connection it could open failed or is in use. */
    private static boolean poolTimedOut(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        for (int i = 0; i < MAX_CAUSES && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e + " (" + root + ")";
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
