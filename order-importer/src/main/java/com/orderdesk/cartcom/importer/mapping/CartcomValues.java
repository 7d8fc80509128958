package com.orderdesk.cartcom.importer.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Lenient readers for Cart.com JSON values. Cart.com sends money as numbers (sometimes strings), datetimes with
 * the store's local offset and 0-3 fraction digits (sometimes {@code ""}), postal codes as numbers: none of that
 * may fail an import.
 */
public final class CartcomValues {
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
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

    private CartcomValues() {
    }

    /** Trimmed text of a string or number; null when absent or JSON null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isMissingNode() || value.isContainerNode()) {
            return null;
        }
        if (value.isNumber()) {
            // A postal code like 07702 would have lost its zero already upstream; print the number as written.
            return value.isIntegralNumber() ? value.bigIntegerValue().toString() : value.decimalValue().toPlainString();
        }
        return value.asText().trim();
    }

    /** Text, with blank meaning absent. */
    public static String nonBlank(JsonNode node, String field) {
        String text = text(node, field);
        return text == null || text.isEmpty() ? null : text;
    }

    public static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** A decimal from a number or numeric string; null when absent, blank or not a number. */
    public static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            String cleaned = value.asText().trim().replace(",", "").replace("$", "");
            if (cleaned.isEmpty()) {
                return null;
            }
            try {
                return new BigDecimal(cleaned);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Money with two decimals; absent counts as zero. */
    public static BigDecimal money(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        return (value == null ? BigDecimal.ZERO : value).setScale(2, RoundingMode.HALF_UP);
    }

    public static Long id(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        if (value == null) {
            return null;
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** A whole quantity; Cart.com sends integers, but a "2.0" or 2.0 must not fail. */
    public static int quantity(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        return value == null ? 0 : value.setScale(0, RoundingMode.HALF_UP).intValue();
    }

    public static boolean flag(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.intValue() != 0;
        }
        return "true".equalsIgnoreCase(value.asText().trim());
    }

    /**
     * An instant from a Cart.com datetime: an offset if given (any of {@code -06:00}, {@code -0600}, {@code Z}),
     * otherwise read in {@code zone}; a bare date is the start of that day. Blank or unparsable: null.
     */
    public static Instant instant(JsonNode node, String field, ZoneId zone) {
        String text = nonBlank(node, field);
        return text == null ? null : parseInstant(text, zone);
    }

    public static Instant parseInstant(String text, ZoneId zone) {
        Instant usual = IsoOffsetDateTimes.parse(text);
        if (usual != null) {
            return usual;
        }
        try {
            TemporalAccessor parsed = DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime offset) {
                return offset.toInstant();
            }
            return ((LocalDateTime) parsed).atZone(zone).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
