package com.orderdesk.cartcom.importer.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.kit.cartcom.CartcomDates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Lenient readers for Cart.com JSON values. Cart.com sends money as numbers (sometimes strings), datetimes with
 * the store's local offset and 0-3 fraction digits (sometimes {@code ""}), postal codes as numbers: none of that
 * may fail an import.
 */
public final class CartcomValues {
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
     * An instant from a Cart.com datetime ({@link CartcomDates}: an offset if given, otherwise read in {@code zone}; a
     * bare date is the start of that day). Blank or unparsable: null.
     */
    public static Instant instant(JsonNode node, String field, ZoneId zone) {
        return CartcomDates.instantOrNull(text(node, field), zone);
    }
}
