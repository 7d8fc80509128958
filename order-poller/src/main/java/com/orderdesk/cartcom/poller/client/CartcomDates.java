package com.orderdesk.cartcom.poller.client;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * Cart.com datetimes as they really come: ISO-8601 with the store's local offset ({@code -06:00}, {@code -0600}
 * or {@code Z}), 0 to 3 (we accept up to 9) fraction digits, seconds sometimes missing, sometimes no offset at
 * all (read in the given zone), and {@code ""} for "none".
 */
public final class CartcomDates {
    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    /** Query values: UTC with {@code Z} (a literal {@code +hh:mm} would arrive as a space), millisecond precision. */
    private static final DateTimeFormatter QUERY = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    public static Optional<Instant> parse(String value, ZoneId zoneWithoutOffset) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            TemporalAccessor parsed = LENIENT.parse(value.trim());
            LocalDateTime local = LocalDateTime.from(parsed);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return Optional.of(local.toInstant(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))));
            }
            return Optional.of(local.atZone(zoneWithoutOffset).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static Optional<Instant> parse(String value) {
        return parse(value, ZoneOffset.UTC);
    }

    public static String forQuery(Instant instant) {
        return QUERY.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private CartcomDates() {
    }
}
