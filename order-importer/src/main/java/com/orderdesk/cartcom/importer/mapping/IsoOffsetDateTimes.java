package com.orderdesk.cartcom.importer.mapping;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The form Cart.com sends its datetimes in nearly always, {@code 2013-11-29T17:12:08.16-06:00} (0-9 fraction digits,
 * an offset or {@code Z}), read without {@code DateTimeFormatter}: its {@code parseBest} was a tenth of the importer's
 * CPU per order, and an order carries several datetimes. Anything else (no offset, {@code -0600}, a space for the
 * {@code T}, a bare date) is left to the lenient formatter in {@link CartcomValues}.
 */
final class IsoOffsetDateTimes {
    private static final int[] NANOS_PER_DIGIT = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private IsoOffsetDateTimes() {
    }

    /** The instant, or null when {@code text} is not exactly of this form or not a valid date and time. */
    static Instant parse(String text) {
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
