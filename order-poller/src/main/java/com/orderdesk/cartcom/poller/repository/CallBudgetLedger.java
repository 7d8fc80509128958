package com.orderdesk.cartcom.poller.repository;

import com.orderdesk.cartcom.kit.budget.Answer;
import com.orderdesk.cartcom.kit.budget.BudgetTiming;
import com.orderdesk.cartcom.kit.budget.CallBudget;
import com.orderdesk.cartcom.kit.budget.CallKind;
import com.orderdesk.cartcom.kit.budget.CallWindow;
import com.orderdesk.cartcom.kit.budget.Slot;
import com.orderdesk.cartcom.kit.config.CartcomConfig;
import com.orderdesk.cartcom.kit.jdbc.Sql;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
    private final Sql sql;
    private final BudgetTiming timing;

    CallBudgetLedger(Sql sql, CartcomConfig config) {
        this.sql = sql;
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
        return sql.inTransaction("cannot remove idle call budgets", connection -> Sql.update(connection,
                "DELETE FROM call_budget WHERE updated_at < now() - ?::interval", idle));
    }

    private <T> T change(String domain, BiFunction<CallWindow, Instant, T> change) {
        return sql.inTransaction("cannot use the call budget of " + domain, connection -> {
            Optional<Locked> found = lock(connection, domain);
            if (found.isEmpty()) {
                Sql.update(connection,
                        "INSERT INTO call_budget (domain, state) VALUES (?, '') ON CONFLICT (domain) DO NOTHING", domain);
                found = lock(connection, domain);
            }
            Locked locked = found.orElseThrow();
            CallWindow window = CallWindow.fromText(locked.state(), timing.assumedLimit());
            T result = change.apply(window, locked.now());
            Sql.update(connection, "UPDATE call_budget SET state = ?, updated_at = now() WHERE domain = ?",
                    window.toText(), domain);
            return result;
        });
    }

    private static Optional<Locked> lock(Connection connection, String domain) throws SQLException {
        return Sql.queryFirst(connection, "SELECT state, "
                + "(extract(epoch FROM clock_timestamp()) * 1000)::bigint FROM call_budget WHERE domain = ? FOR UPDATE",
                rs -> new Locked(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))), domain);
    }

    /** A day without a call: its window and any 429 wait are long over, so nothing is lost by starting afresh. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdleStores() {
        forgetIdle(Duration.ofDays(1));
    }

    private record Locked(String state, Instant now) {
    }
}
