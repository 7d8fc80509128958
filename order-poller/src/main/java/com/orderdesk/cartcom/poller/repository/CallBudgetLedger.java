package com.orderdesk.cartcom.poller.repository;

import com.orderdesk.cartcom.kit.budget.Answer;
import com.orderdesk.cartcom.kit.budget.BudgetTiming;
import com.orderdesk.cartcom.kit.budget.CallBudget;
import com.orderdesk.cartcom.kit.budget.CallKind;
import com.orderdesk.cartcom.kit.budget.CallWindow;
import com.orderdesk.cartcom.kit.budget.Slot;
import com.orderdesk.cartcom.kit.config.CartcomConfig;
import com.orderdesk.cartcom.kit.jdbc.LocalTransactions;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * The stores' shared call budgets, one row each (V5): every poller instance takes slots here for its own calls and
 * for the other services' ({@code CallBudgetResource}). Each change is one short transaction holding the store's row
 * lock, timed by the database's clock, so instances with skewed clocks still count one window. A process that dies
 * holding slots holds nothing: a slot is a count in the current window, spent whether or not its call was made, and
 * the window ends on time.
 */
@ApplicationScoped
public class CallBudgetLedger implements CallBudget {
    private final AgroalDataSource dataSource;
    private final BudgetTiming timing;

    CallBudgetLedger(AgroalDataSource dataSource, CartcomConfig config) {
        this.dataSource = dataSource;
        this.timing = config.budget().timing();
    }

    @Override
    public Slot take(String domain, CallKind kind) {
        return change(domain, (window, now) -> window.take(kind, now, timing));
    }

    @Override
    public void answered(String domain, Slot slot, Answer answer) {
        change(domain, (window, now) -> {
            window.answered(answer, now, timing);
            return null;
        });
    }

    /** Removes the budgets of stores nobody called for {@code idle}; returns how many. */
    public int forgetIdle(Duration idle) {
        return LocalTransactions.inTransaction(dataSource, "cannot remove idle call budgets", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM call_budget WHERE updated_at < now() - ?::interval")) {
                delete.setString(1, idle.toMillis() + " milliseconds");
                return delete.executeUpdate();
            }
        });
    }

    private <T> T change(String domain, BiFunction<CallWindow, Instant, T> change) {
        return LocalTransactions.inTransaction(dataSource, "cannot use the call budget of " + domain, connection -> {
            Locked locked = lock(connection, domain);
            if (locked == null) {
                insert(connection, domain);
                locked = lock(connection, domain);
            }
            CallWindow window = CallWindow.fromText(locked.state(), timing.assumedLimit());
            T result = change.apply(window, locked.now());
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE call_budget SET state = ?, updated_at = now() WHERE domain = ?")) {
                update.setString(1, window.toText());
                update.setString(2, domain);
                update.executeUpdate();
            }
            return result;
        });
    }

    private static Locked lock(Connection connection, String domain) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT state, "
                + "(extract(epoch FROM clock_timestamp()) * 1000)::bigint FROM call_budget WHERE domain = ? FOR UPDATE")) {
            select.setString(1, domain);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new Locked(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))) : null;
            }
        }
    }

    private static void insert(Connection connection, String domain) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO call_budget (domain, state) VALUES (?, '') ON CONFLICT (domain) DO NOTHING")) {
            insert.setString(1, domain);
            insert.executeUpdate();
        }
    }

    /** A day without a call: its window and any 429 wait are long over, so nothing is lost by starting afresh. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdleStores() {
        forgetIdle(Duration.ofDays(1));
    }

    private record Locked(String state, Instant now) {
    }
}
