package com.orderdesk.cartcom.settings.support;

import io.quarkus.scheduler.FailedExecution;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.SkippedExecution;
import io.quarkus.scheduler.SuccessfulExecution;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The scheduled runs that ended (done or failed) and the firings skipped because the job's previous run was still
 * under way, as the Quarkus scheduler reports them: tells a test whether a paused job still has a run under way.
 */
@Singleton
public class ScheduledRuns {
    /** A run that ended, or ({@code skipped}) a firing skipped while the run before was under way. */
    public record Ended(String job, Instant fireTime, boolean skipped) {
    }

    private final List<Ended> ended = new CopyOnWriteArrayList<>();

    void succeeded(@Observes SuccessfulExecution event) {
        add(event.getExecution(), false);
    }

    void failed(@Observes FailedExecution event) {
        add(event.getExecution(), false);
    }

    void skipped(@Observes SkippedExecution event) {
        add(event.getExecution(), true);
    }

    private void add(ScheduledExecution execution, boolean skipped) {
        ended.add(new Ended(execution.getTrigger().getId(), execution.getFireTime(), skipped));
    }

    /**
     * Whether no run of {@code job} is under way, once it fires no more and last fired at {@code lastFired}
     * ({@code Trigger.getPreviousFireTime()}, the second it fired in): that firing was reported (its run ended, or it
     * was skipped), and what was reported last is a run's end, not a skip (which means an earlier run was still going).
     * One run at a time: the job's runs are SKIP.
     */
    public boolean idle(String job, Instant lastFired) {
        List<Ended> runs = ended.stream().filter(e -> e.job().equals(job)).toList();
        return runs.stream().anyMatch(e -> !e.fireTime().isBefore(lastFired)) && !runs.get(runs.size() - 1).skipped();
    }

    /** What was reported of the job's firings after {@code after}. */
    public List<Ended> firedAfter(String job, Instant after) {
        return ended.stream().filter(e -> e.job().equals(job) && e.fireTime().isAfter(after)).toList();
    }
}
