package com.orderdesk.cartcom.poller.service;

import com.orderdesk.cartcom.kit.outbox.ActivityRecorder;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.ActivityRecorded.Level;
import com.orderdesk.cartcom.poller.client.FetchedOrder;
import com.orderdesk.cartcom.poller.client.ListKey;
import com.orderdesk.cartcom.poller.config.PollerConfig;
import com.orderdesk.cartcom.poller.repository.HeldOrderRepository;
import com.orderdesk.cartcom.poller.repository.PollScheduleRepository;
import com.orderdesk.cartcom.poller.repository.PublishedOrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The database side of a poll, each step one transaction: the schedule change and the activity that reports it
 * commit together (outbox). Every step checks the lease, so a poll that lost its store writes nothing.
 */
@ApplicationScoped
public class PollOutcomes {
    private final PollScheduleRepository schedule;
    private final PublishedOrderRepository published;
    private final ActivityRecorder activity;
    private final HeldOrderRepository heldOrders;
    private final Duration earlyPollGap;

    public PollOutcomes(PollScheduleRepository schedule, PublishedOrderRepository published, ActivityRecorder activity,
                        HeldOrderRepository heldOrders, PollerConfig config) {
        this.schedule = schedule;
        this.published = published;
        this.activity = activity;
        this.heldOrders = heldOrders;
        this.earlyPollGap = config.earlyPollGap();
    }

    /**
     * After Kafka acknowledged a page: remember what was published, hold the orders Cart.com did not give whole, and
     * move the cursor to the walk's position (the newest updated_at handed out), so a held order never holds up the
     * orders behind it. Returns false if the lease was lost.
     */
    @Transactional
    public boolean pageDone(long storeId, String owner, ListKey position, List<FetchedOrder> publishedOrders,
                            List<HeldAttempt> held) {
        recordPublished(storeId, publishedOrders, List.of());
        hold(storeId, held);
        if (position == null) {
            return schedule.renewLeaseInTransaction(storeId, owner);
        }
        return schedule.advanceCursor(storeId, owner, position.at(), position.id());
    }

    /**
     * After the retries of a store's held orders: the ones now whole were published (Kafka acknowledged them), the
     * ones Cart.com no longer has in a download status are let go, the rest wait for their next attempt.
     */
    @Transactional
    public boolean heldRetried(long storeId, String owner, List<FetchedOrder> publishedOrders, List<Long> gone,
                               List<HeldAttempt> stillHeld) {
        if (!schedule.renewLeaseInTransaction(storeId, owner)) {
            return false;
        }
        recordPublished(storeId, publishedOrders, gone);
        for (HeldAttempt attempt : stillHeld) {
            heldOrders.retryLater(storeId, attempt.orderId(), attempt.attempts(), attempt.missing(), attempt.retryIn());
            if (attempt.report()) {
                reportIncomplete(storeId, attempt);
            }
        }
        return true;
    }

    /**
     * Holds orders a manual import met that Cart.com did not give whole. Held orders are retried at the end of a poll
     * (their first attempt at once), and the store's poll runs on its own schedule, perhaps an hour away: so an early
     * poll is asked for, as a webhook asks (no sooner than the early-poll gap after the last one).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdForImport(long storeId, List<HeldAttempt> held) {
        hold(storeId, held);
        if (!held.isEmpty()) {
            schedule.requestEarlyPoll(storeId, earlyPollGap);
        }
    }

    /** Holds orders a walk met that Cart.com did not give whole: their first attempt. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(long storeId, List<HeldAttempt> held) {
        for (HeldAttempt attempt : held) {
            if (heldOrders.hold(storeId, attempt.orderId(), attempt.missing(), attempt.retryIn()) && attempt.report()) {
                reportIncomplete(storeId, attempt);
            }
        }
    }

    private void recordPublished(long storeId, List<FetchedOrder> publishedOrders, List<Long> alsoRelease) {
        List<Long> released = new ArrayList<>(alsoRelease);
        for (FetchedOrder order : publishedOrders) {
            published.recordPublished(storeId, order.id(), order.updatedAtRaw(), order.updatedAt());
            released.add(order.id());
        }
        heldOrders.release(storeId, released);
    }

    private void reportIncomplete(long storeId, HeldAttempt attempt) {
        activity.record(ActivityRecorded.of(storeId, ActivityKinds.ORDER_INCOMPLETE, Level.warn,
                "Cart.com order " + attempt.orderId() + " is held, not imported: Cart.com did not give " + attempt.missing()
                        + " (" + attempt.attempts() + (attempt.attempts() == 1 ? " attempt" : " attempts")
                        + "); " + (attempt.retryIn().isZero() ? "asking again by id now" : "retrying in " + human(attempt.retryIn())))
                .withCartOrderId(attempt.orderId()));
    }

    @Transactional
    public boolean succeeded(long storeId, String owner, Duration next, boolean walkUnfinished, long ordersFound,
                             Instant pruneBefore) {
        if (!schedule.releaseAfterSuccess(storeId, owner, next, walkUnfinished, earlyPollGap)) {
            return false;
        }
        if (pruneBefore != null) {
            published.pruneBefore(storeId, pruneBefore);
        }
        activity.record(ActivityRecorded.of(storeId, ActivityKinds.POLL, Level.info,
                ordersFound == 1 ? "Checked Cart.com: 1 new or updated order" : "Checked Cart.com: " + ordersFound + " new or updated orders")
                .withCounts(Map.of(ActivityKinds.COUNT_ORDERS_FOUND, ordersFound)));
        return true;
    }

    @Transactional
    public boolean failed(long storeId, String owner, Duration retryIn, String message) {
        if (!schedule.releaseAfterFailure(storeId, owner, retryIn, message)) {
            return false;
        }
        activity.record(ActivityRecorded.of(storeId, ActivityKinds.POLL_FAILED, Level.error,
                "Checking Cart.com failed: " + message + "; retrying in " + human(retryIn)));
        return true;
    }

    @Transactional
    public boolean paused(long storeId, String owner, String reason) {
        if (!schedule.pause(storeId, owner, reason)) {
            return false;
        }
        activity.record(ActivityRecorded.of(storeId, ActivityKinds.POLL_FAILED, Level.error, reason));
        return true;
    }

    static String human(Duration duration) {
        long seconds = Math.max(1, duration.toSeconds());
        return seconds < 120 ? seconds + " s" : (seconds / 60) + " min";
    }
}
