package com.orderdesk.cartcom.sandbox.ratelimit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The live API states Retry-After sometimes in seconds, sometimes as an HTTP date; clients must read both. */
public enum RetryAfterFormat {
    SECONDS("seconds"), HTTP_DATE("http-date");

    private final String wireName;

    RetryAfterFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public String format(Instant now, Instant resetAt) {
        // Round up: a client that waits the stated time must find the window reset.
        long millis = Math.max(0, resetAt.toEpochMilli() - now.toEpochMilli());
        if (this == SECONDS) {
            return Long.toString(Math.max(1, (millis + 999) / 1000));
        }
        Instant roundedUp = Instant.ofEpochSecond((resetAt.toEpochMilli() + 999) / 1000);
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(roundedUp.atOffset(ZoneOffset.UTC));
    }

    public static RetryAfterFormat parse(String text) {
        for (RetryAfterFormat f : values()) {
            if (f.wireName.equalsIgnoreCase(text.trim()) || f.name().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown retry_after_format '" + text + "' (seconds, http-date)");
    }
}
