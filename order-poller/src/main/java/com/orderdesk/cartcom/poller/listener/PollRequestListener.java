package com.orderdesk.cartcom.poller.listener;

import com.orderdesk.cartcom.kit.consuming.KeyedRecords;
import com.orderdesk.cartcom.model.events.PollRequested;
import com.orderdesk.cartcom.poller.config.PollerConfig;
import com.orderdesk.cartcom.poller.repository.PollScheduleRepository;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Early-poll requests (a webhook arrived): the store becomes due at once, no sooner than the early-poll gap after its
 * last poll started, and whichever instance claims it first polls it (the schedule's leases decide, as for every
 * poll). A burst of requests makes one poll; a request for a store that is failing, paused or not polled is ignored.
 */
@ApplicationScoped
public class PollRequestListener {
    public static final String CHANNEL = "poll-requests";
    private static final Logger LOG = Logger.getLogger(PollRequestListener.class);

    private final PollScheduleRepository schedule;
    private final PollerConfig config;

    public PollRequestListener(PollScheduleRepository schedule, PollerConfig config) {
        this.schedule = schedule;
        this.config = config;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onRequest(ConsumerRecord<String, String> record) {
        // A malformed request (keyed by another store than its payload's included) goes to the DLQ with the reason.
        KeyedRecords.consume(record, PollRequested.class, request -> "early poll of store " + request.storeId(), request -> {
            boolean due = schedule.requestEarlyPoll(request.storeId(), config.earlyPollGap());
            LOG.debugf("early poll of store %d (%s): %s", request.storeId(), request.reason(), due ? "due" : "ignored");
        });
    }
}
