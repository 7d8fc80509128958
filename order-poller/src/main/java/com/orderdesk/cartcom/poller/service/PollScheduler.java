package com.orderdesk.cartcom.poller.service;

import com.orderdesk.cartcom.poller.config.PollerConfig;
import com.orderdesk.cartcom.poller.config.SharedBeans.InstanceId;
import com.orderdesk.cartcom.poller.repository.ClaimedStore;
import com.orderdesk.cartcom.poller.repository.ImportRequestRepository;
import com.orderdesk.cartcom.poller.repository.ImportRequestRepository.ClaimedImport;
import com.orderdesk.cartcom.poller.repository.PollScheduleRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Every second: claim as many due stores (and manual imports) as there are free workers, and run them on a
 * fixed pool. Claiming only what can start now keeps leases from ticking away in a queue; stores spread over
 * instances because each claims with SKIP LOCKED.
 */
@ApplicationScoped
public class PollScheduler {
    private static final Logger LOG = Logger.getLogger(PollScheduler.class);

    private final PollScheduleRepository schedule;
    private final ImportRequestRepository imports;
    private final StorePoll storePoll;
    private final ManualImportRun importRun;
    private final PollerConfig config;
    private final String owner;
    private final ExecutorService workers;
    private final AtomicInteger busy = new AtomicInteger();

    public PollScheduler(PollScheduleRepository schedule, ImportRequestRepository imports, StorePoll storePoll,
                         ManualImportRun importRun, PollerConfig config, InstanceId instanceId, MeterRegistry metrics) {
        this.schedule = schedule;
        this.imports = imports;
        this.storePoll = storePoll;
        this.importRun = importRun;
        this.config = config;
        this.owner = instanceId.value();
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.workers(), runnable -> {
            Thread thread = new Thread(runnable, "poll-worker-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        metrics.gauge("cartcom.poller.workers.busy", busy);
    }

    @Scheduled(every = "${poller.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = PollingSwitch.class)
    void tick() {
        try {
            int free = config.workers() - busy.get();
            if (free <= 0) {
                return;
            }
            // Imports may take at most half the free workers, so regular polls never starve.
            List<ClaimedImport> claimedImports = imports.claimDue(owner, config.lease(), Math.max(1, free / 2));
            for (ClaimedImport request : claimedImports) {
                submit(() -> importRun.run(request), "import " + request.importId());
            }
            List<ClaimedStore> stores = schedule.claimDue(owner, config.lease(), free - claimedImports.size());
            for (ClaimedStore store : stores) {
                submit(() -> storePoll.poll(store), "store " + store.storeId());
            }
        } catch (RuntimeException e) {
            LOG.warnf("claiming due work failed, will retry: %s", e.getMessage());
        }
    }

    private void submit(Runnable work, String what) {
        busy.incrementAndGet();
        workers.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // The lease lapses and the work is claimed again.
                LOG.errorf(e, "%s: unexpected failure", what);
            } finally {
                busy.decrementAndGet();
            }
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
