package com.orderdesk.cartcom.poller.service;

import com.orderdesk.cartcom.poller.config.InstanceId;
import com.orderdesk.cartcom.poller.config.PollerConfig;
import com.orderdesk.cartcom.poller.repository.ClaimedStore;
import com.orderdesk.cartcom.poller.repository.ImportRequestRepository;
import com.orderdesk.cartcom.poller.repository.PollScheduleRepository;
import com.orderdesk.cartcom.poller.service.WorkLane.Work;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Claims due work and runs it, one dispatcher thread for three lanes with their own slots:
 * <ul>
 * <li><b>polls</b> ({@code workers}): stores whose last poll did not fail;</li>
 * <li><b>retries</b> ({@code retry-workers}): stores whose last poll failed, so a store that is down or hangs, poll
 * after poll, never takes a slot of the healthy ones;</li>
 * <li><b>imports</b> ({@code import-workers}): manual imports, long sweeps that never take a polling slot.</li>
 * </ul>
 * A lane claims as many units as it has free slots; when a unit ends, its lane claims again at once while its last
 * claim came back full (more was due), otherwise a tick later. So throughput is bounded by the slots and Cart.com's
 * answer time, not by the tick. Only what can start now is claimed (leases never tick away in a queue), and every
 * claim uses SKIP LOCKED leases, so many instances share the stores.
 * <p>
 * A poll of the polls lane that runs past {@code slow-poll-after} (a first hang, a large backlog) gives its slot back
 * and goes on as "slow", up to {@code slow-poll-threads} at once: one hanging store holds a thread, not a slot.
 * Threads are made on demand; their number is bounded by the slots plus the slow-poll cap.
 */
@ApplicationScoped
public class PollScheduler {
    private static final Logger LOG = Logger.getLogger(PollScheduler.class);

    private final PollerConfig config;
    private final PollingSwitch pollingSwitch;
    private final List<WorkLane> lanes;
    private final ThreadPoolExecutor threads;
    private final MeterRegistry metrics;
    private final Timer startDelay;
    private final long tickNanos;
    private final long slowNanos;

    private final Object lock = new Object();
    /** Guarded by lock. */
    private final Set<Running> running = new HashSet<>();
    /** Guarded by lock: running work that gave its slot back (slow). */
    private int slow;
    /** Guarded by lock: a unit ended since the dispatcher last looked. */
    private boolean ended;
    private volatile boolean stopped;
    private Thread dispatcher;

    public PollScheduler(PollScheduleRepository schedule, ImportRequestRepository imports, StorePoll storePoll,
                         ManualImportRun importRun, PollerConfig config, PollingSwitch pollingSwitch,
                         InstanceId instanceId, MeterRegistry metrics) {
        this.config = config;
        this.pollingSwitch = pollingSwitch;
        this.metrics = metrics;
        this.tickNanos = config.tick().toNanos();
        this.slowNanos = config.slowPollAfter().toNanos();
        String owner = instanceId.value();
        this.lanes = List.of(
                new WorkLane("polls", config.workers(), true,
                        n -> storeWork(schedule.claimDue(owner, config.lease(), n), storePoll)),
                new WorkLane("retries", config.retryWorkers(), false,
                        n -> storeWork(schedule.claimDueFailing(owner, config.lease(), n), storePoll)),
                new WorkLane("imports", config.importWorkers(), false,
                        n -> imports.claimDue(owner, config.lease(), n).stream()
                                .map(request -> new Work("import " + request.importId(), () -> importRun.run(request), null))
                                .toList()));
        AtomicInteger threadNumber = new AtomicInteger();
        // Unbounded on paper: the lanes' slots and the slow-poll cap bound how many units run at once.
        this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "poll-worker-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.startDelay = Timer.builder("cartcom.poller.poll.start.delay")
                .description("How late polls start after their store was due").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofMinutes(10)).register(metrics);
        metrics.gauge("cartcom.poller.workers.busy", running, this::busy);
        metrics.gauge("cartcom.poller.polls.slow", running, r -> slowCount());
        for (WorkLane lane : lanes) {
            metrics.gauge("cartcom.poller.lane.slots.taken", Tags.of("lane", lane.name), lane, this::taken);
        }
    }

    private static List<Work> storeWork(List<ClaimedStore> stores, StorePoll storePoll) {
        return stores.stream().map(store -> new Work("store " + store.storeId(), () -> storePoll.poll(store), store.dueAt())).toList();
    }

    void start(@Observes StartupEvent event) {
        dispatcher = new Thread(this::dispatch, "poll-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    private void dispatch() {
        while (!stopped) {
            try {
                if (pollingSwitch.claiming()) {
                    claimForFreeSlots();
                }
            } catch (RuntimeException e) {
                LOG.warnf("claiming due work failed, will retry: %s", e.getMessage());
            }
            try {
                awaitNextLook();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void claimForFreeSlots() {
        for (WorkLane lane : lanes) {
            int free;
            long now = System.nanoTime();
            synchronized (lock) {
                moveSlowWorkOut(now);
                if (!lane.shouldClaim(now, tickNanos)) {
                    continue;
                }
                free = lane.free();
            }
            List<Work> claimed = lane.claim(free); // outside the lock: units ending meanwhile only free more slots
            synchronized (lock) {
                lane.claimed(free, claimed.size(), now);
                for (Work work : claimed) {
                    start(lane, work);
                }
            }
        }
    }

    /** Waits until a unit ends, a lane's tick comes, or a running poll may have turned slow. */
    private void awaitNextLook() throws InterruptedException {
        synchronized (lock) {
            long now = System.nanoTime();
            long wait = Math.min(tickNanos, slowNanos);
            for (WorkLane lane : lanes) {
                wait = Math.min(wait, lane.nanosUntilNextLook(now, tickNanos));
            }
            long deadline = now + wait;
            while (!ended && !stopped && (wait = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(lock, wait);
            }
            ended = false;
        }
    }

    /** Guarded by lock. */
    private void start(WorkLane lane, Work work) {
        Running unit = new Running(lane, System.nanoTime());
        lane.taken++;
        running.add(unit);
        threads.execute(() -> {
            if (work.dueAt() != null) {
                Duration late = Duration.between(work.dueAt(), Instant.now());
                startDelay.record(late.isNegative() ? Duration.ZERO : late);
            }
            try {
                work.body().run();
            } catch (RuntimeException e) {
                // The lease lapses and the work is claimed again.
                LOG.errorf(e, "%s: unexpected failure", work.what());
            } finally {
                ended(unit);
                metrics.timer("cartcom.poller.work", "lane", lane.name).record(System.nanoTime() - unit.startedNanos,
                        TimeUnit.NANOSECONDS);
            }
        });
    }

    private void ended(Running unit) {
        synchronized (lock) {
            running.remove(unit);
            if (unit.slow) {
                slow--;
            } else {
                unit.lane.taken--;
            }
            ended = true;
            lock.notifyAll();
        }
    }

    /** Guarded by lock: polls running past slow-poll-after give their slot back, while slow-poll threads are left. */
    private void moveSlowWorkOut(long now) {
        for (Running unit : running) {
            if (slow >= config.slowPollThreads()) {
                return;
            }
            if (!unit.slow && unit.lane.slowWorkMovesOut && now - unit.startedNanos >= slowNanos) {
                unit.slow = true;
                unit.lane.taken--;
                slow++;
            }
        }
    }

    private double busy(Set<Running> units) {
        synchronized (lock) {
            return units.size();
        }
    }

    private double slowCount() {
        synchronized (lock) {
            return slow;
        }
    }

    private double taken(WorkLane lane) {
        synchronized (lock) {
            return lane.taken;
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        threads.shutdown();
        try {
            if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A unit of work on its thread; slow: it gave its lane's slot back. Fields guarded by lock. */
    private static final class Running {
        final WorkLane lane;
        final long startedNanos;
        boolean slow;

        Running(WorkLane lane, long startedNanos) {
            this.lane = lane;
            this.startedNanos = startedNanos;
        }
    }
}
