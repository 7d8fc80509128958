package com.orderdesk.cartcom.kit.gauge;

import io.quarkus.arc.All;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reports the service's {@link StoreGauge}s every {@code gauges.report-every}, each store's value only when it changed
 * ({@link StoreGauges}). A service without gauges has nothing to do here. A failed gauge is retried on the next run
 * and does not keep the others from being reported.
 */
@ApplicationScoped
public class StoreGaugeJob {
    private static final Logger LOG = Logger.getLogger(StoreGaugeJob.class);

    private final List<StoreGauge> gauges;
    private final StoreGauges reports;

    StoreGaugeJob(@All List<StoreGauge> gauges, StoreGauges reports) {
        this.gauges = gauges;
        this.reports = reports;
    }

    @Scheduled(identity = "store-gauges", every = "${gauges.report-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reportChanges() {
        for (StoreGauge gauge : gauges) {
            try {
                reports.reportChanges(gauge.count(), gauge.valuesByStore().get(), gauge::event);
            } catch (RuntimeException e) {
                LOG.warnf("gauge %s not reported, will retry: %s", gauge.count(), e.toString());
            }
        }
    }
}
