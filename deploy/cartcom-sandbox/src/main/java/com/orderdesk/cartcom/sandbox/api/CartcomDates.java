package com.orderdesk.cartcom.sandbox.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Datetimes as the live API writes them: the store's local offset and 0-3 fraction digits with trailing
 * zeros dropped (2013-11-29T17:12:08.16-06:00, 2013-11-29T17:12:00-06:00).
 */
public final class CartcomDates {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    private CartcomDates() {
    }

    public static String format(Instant instant, ZoneId zone) {
        OffsetDateTime local = instant.truncatedTo(ChronoUnit.MILLIS).atZone(zone).toOffsetDateTime();
        StringBuilder text = new StringBuilder(SECONDS.format(local));
        int millis = local.getNano() / 1_000_000;
        if (millis != 0) {
            String fraction = String.format("%03d", millis).replaceAll("0+$", "");
            text.append('.').append(fraction);
        }
        return text.append(OFFSET.format(local)).toString();
    }

    /**
     * Reads any ISO-8601 form a client may send: with an offset or Z, or without one (then the store's
     * local time, as the API treats it), or a bare date (local midnight).
     */
    public static Instant parse(String text, ZoneId zone) {
        String value = text.trim();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the forms without an offset
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // try a bare date
        }
        try {
            return LocalDate.parse(value).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw CartcomException.badRequest("'" + text + "' is not an ISO-8601 datetime"
                    + (value.matches(".*\\d \\d\\d:?\\d\\d$") ? " (a '+' in an offset must be sent as %2B)" : ""));
        }
    }
}
