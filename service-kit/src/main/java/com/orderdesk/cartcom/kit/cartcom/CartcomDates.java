package com.orderdesk.cartcom.kit.cartcom;

import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
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
 * Cart.com datetimes as they really come, read in one place. Nearly always {@code 2013-11-29T17:12:08.16-06:00}
 * (the store's local offset or {@code Z}, 0-3 fraction digits, 9 accepted): that form is read by hand, without
 * {@code DateTimeFormatter}, whose parsing was a tenth of the importer's CPU per order. Everything else goes to a
 * lenient formatter: {@code -0600}, any letter case, a space (or nothing) for the {@code T}, seconds missing, no
 * offset at all (read in the given zone), a bare date (the start of that day in the zone). {@code ""} means none.
 * Query values go out in UTC with {@code Z} (see {@link #forQuery}); {@link #zoneOf} is the zone of a store's
 * datetimes without offset.
 */
public final class CartcomDates {
    private static final int[] NANOS_PER_DIGIT = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    /** Query values: UTC with {@code Z} (a literal {@code +hh:mm} would arrive as a space), millisecond precision. */
    private static final DateTimeFormatter QUERY = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    private CartcomDates() {
    }

    /** The instant, or empty when {@code value} is null, blank or not a Cart.com datetime. */
    public static Optional<Instant> parse(String value, ZoneId zoneWithoutOffset) {
        return Optional.ofNullable(instantOrNull(value, zoneWithoutOffset));
    }

    /** {@link #parse(String, ZoneId)} with UTC for a value without offset. */
    public static Optional<Instant> parse(String value) {
        return parse(value, ZoneOffset.UTC);
    }

    /** {@link #parse(String, ZoneId)} without the {@code Optional}, for hot paths: null when there is none. */
    public static Instant instantOrNull(String value, ZoneId zoneWithoutOffset) {
        return read(value, zoneWithoutOffset);
    }

    /**
     * The instant of {@code value}; a local time or a bare date is read in {@code zoneWithoutOffset}, or is none when
     * that is null (only absolute values wanted).
     */
    private static Instant read(String value, ZoneId zoneWithoutOffset) {
        if (value == null) {
            return null;
        }
        Instant usual = isoOffset(value);
        if (usual != null) {
            return usual;
        }
        String text = value.trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            TemporalAccessor parsed = LENIENT.parse(text);
            LocalDateTime local = LocalDateTime.from(parsed);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return local.toInstant(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)));
            }
            return zoneWithoutOffset == null ? null : local.atZone(zoneWithoutOffset).toInstant();
        } catch (DateTimeException notADateTime) {
            if (zoneWithoutOffset == null) {
                return null;
            }
            try {
                return LocalDate.parse(text).atStartOfDay(zoneWithoutOffset).toInstant();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /**
     * The instant only where the text says it absolutely (an offset or {@code Z}); null for a local time or a bare
     * date, whose zone would be a guess, and for anything unreadable. For values that move a cursor: a guess an hour
     * ahead (the Order Desk store's zone is not always the Cart.com store's) would jump past orders never seen.
     */
    public static Instant absoluteOrNull(String value) {
        return read(value, null);
    }

    /** The store's time zone, in which its datetimes without offset are read; UTC when none or not a valid zone id. */
    public static ZoneId zoneOf(StoreIntegrationChanged store) {
        try {
            return store.timezone() == null || store.timezone().isBlank() ? ZoneOffset.UTC : ZoneId.of(store.timezone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    public static String forQuery(Instant instant) {
        return QUERY.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Exactly {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]} and {@code Z} or {@code ±HH:MM}, read by hand; null when
     * {@code text} is not of this form or not a valid date and time (the lenient formatter then has its turn).
     */
    static Instant isoOffset(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int first = ++at;
            while (at < length && isDigit(text.charAt(at))) {
                at++;
            }
            int fractionDigits = at - first;
            if (fractionDigits == 0 || fractionDigits > 9) {
                return null;
            }
            nanos = digits(text, first, fractionDigits) * NANOS_PER_DIGIT[fractionDigits - 1];
        }
        try {
            ZoneOffset offset = offset(text, at);
            return offset == null ? null
                    : LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** {@code Z} or {@code +HH:MM} / {@code -HH:MM} from {@code at} to the end; null for anything else. */
    private static ZoneOffset offset(String text, int at) {
        int rest = text.length() - at;
        if (rest == 1 && text.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = rest == 6 ? text.charAt(at) : '?';
        if ((sign != '+' && sign != '-') || text.charAt(at + 3) != ':') {
            return null;
        }
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if ((hours | minutes) < 0) {
            return null;
        }
        return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    }

    /** The number the ASCII digits at {@code from} spell, or -1 if one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
