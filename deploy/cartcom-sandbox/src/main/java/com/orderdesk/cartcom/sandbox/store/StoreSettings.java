package com.orderdesk.cartcom.sandbox.store;

import com.orderdesk.cartcom.sandbox.ratelimit.Plan;
import com.orderdesk.cartcom.sandbox.ratelimit.RetryAfterFormat;
import com.orderdesk.cartcom.sandbox.seed.RealWorldShape;
import java.time.ZoneId;
import java.util.Set;

/**
 * A store's knobs. plan is null when the limit was set as an explicit number. utcOffset is kept as given
 * ("-06:00" or a zone id such as "America/Chicago", which then follows daylight saving like a real store).
 * realWorld: the real-world shapes new orders take (issue 16; empty for a friendly store). countCap: the most rows
 * a list page holds with the {@code count_cap} shape, null when the store set none (then 50).
 */
public record StoreSettings(Plan plan, int rateLimit, int windowSeconds, String utcOffset, ZoneId zone,
                            RetryAfterFormat retryAfterFormat, Set<RealWorldShape> realWorld,
                            Integer countCap) {

    /** The plan's wire name, or {@code custom} for a limit given as a number. */
    public String planName() {
        return plan == null ? "custom" : plan.wireName();
    }

    /** The most rows a list page holds, or empty when the store answers every count it is asked. */
    public java.util.OptionalInt pageCap() {
        return realWorld.contains(RealWorldShape.COUNT_CAP)
                ? java.util.OptionalInt.of(countCap == null ? RealWorldShape.DEFAULT_COUNT_CAP : countCap)
                : java.util.OptionalInt.empty();
    }

    public static ZoneId parseZone(String utcOffset) {
        try {
            return ZoneId.of(utcOffset.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("utc_offset must look like -06:00 or be a zone id: " + utcOffset);
        }
    }
}
