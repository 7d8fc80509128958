package com.orderdesk.cartcom.sandbox.store;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the API shows a datetime a live store sends oddly (real-world {@code odd_dates}); the stored value stays. */
public enum OddDate {
    /** {@code ""}. */
    EMPTY,
    /** JSON {@code null}. */
    NULL,
    /** The store's local time without offset or {@code T}: {@code 2026-05-01 10:15:00}. */
    LOCAL_WITHOUT_OFFSET;

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The JSON value shown for a stored {@code at} in {@code zone}. */
    public Object shown(Instant at, ZoneId zone) {
        return switch (this) {
            case EMPTY -> "";
            case NULL -> null;
            case LOCAL_WITHOUT_OFFSET -> at == null ? null : LOCAL.format(at.atZone(zone));
        };
    }
}
