package com.orderdesk.cartcom.kit.gauge;

import com.orderdesk.cartcom.model.events.ActivityRecorded;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A per-store gauge a service reports to the merchant's activity log when it changes: a service declares it as a
 * bean (a producer method beside the query that counts it) and the kit's {@link StoreGaugeJob} reports it.
 *
 * @param count the name of the count in the activity event ({@code ActivityKinds.COUNT_*}), also the gauge's key
 *              in the table of values last reported
 * @param kind the activity kind of the event
 * @param valuesByStore the current value of every store whose value is not 0
 * @param message the event's message, a format with the value as its one {@code %d}
 */
public record StoreGauge(String count, String kind, Supplier<Map<Long, Long>> valuesByStore, String message) {

    public ActivityRecorded event(long storeId, long value) {
        return ActivityRecorded.of(storeId, kind, ActivityRecorded.Level.info, String.format(message, value))
                .withCounts(Map.of(count, value));
    }
}
