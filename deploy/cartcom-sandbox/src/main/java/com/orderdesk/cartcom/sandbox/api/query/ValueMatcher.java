package com.orderdesk.cartcom.sandbox.api.query;

import com.orderdesk.cartcom.sandbox.api.CartcomDates;
import com.orderdesk.cartcom.sandbox.api.CartcomException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Compares a stored value with a query value by the stored value's type: numbers numerically, datetimes
 * as instants (any offset), text case-insensitively (the live store's database collation ignores case).
 */
public final class ValueMatcher {

    private ValueMatcher() {
    }

    public static boolean matches(Object actual, Condition condition, ZoneId zone) {
        ComparisonOperator op = condition.operator();
        String expected = condition.value();
        if (actual == null) {
            boolean expectsNull = expected.equalsIgnoreCase("null");
            return op == ComparisonOperator.EQ ? expectsNull : op == ComparisonOperator.NOT && !expectsNull;
        }
        if (op == ComparisonOperator.LIKE || op == ComparisonOperator.STARTWITH) {
            String text = lower(asText(actual, zone));
            String needle = lower(expected);
            return op == ComparisonOperator.LIKE ? text.contains(needle) : text.startsWith(needle);
        }
        if (!(actual instanceof Number || actual instanceof Instant || actual instanceof Boolean
                || actual instanceof String)) {
            return op == ComparisonOperator.NOT; // nested lists and objects never equal a scalar
        }
        int cmp = compareToText(actual, expected, zone);
        return switch (op) {
            case EQ -> cmp == 0;
            case NOT -> cmp != 0;
            case GT -> cmp > 0;
            case GTE -> cmp >= 0;
            case LT -> cmp < 0;
            case LTE -> cmp <= 0;
            default -> false;
        };
    }

    /** Orders two stored values of one field; nulls first, as SQL Server sorts them. */
    public static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
        }
        if (a instanceof Instant x && b instanceof Instant y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.compareTo(y);
        }
        return lower(a.toString()).compareTo(lower(b.toString()));
    }

    private static int compareToText(Object actual, String expected, ZoneId zone) {
        if (actual instanceof Number n) {
            try {
                return new BigDecimal(n.toString()).compareTo(new BigDecimal(expected.trim()));
            } catch (NumberFormatException e) {
                throw CartcomException.badRequest("'" + expected + "' is not a number");
            }
        }
        if (actual instanceof Instant instant) {
            return instant.compareTo(CartcomDates.parse(expected, zone));
        }
        if (actual instanceof Boolean b) {
            String e = expected.trim();
            boolean value = e.equalsIgnoreCase("true") || e.equals("1");
            if (!value && !e.equalsIgnoreCase("false") && !e.equals("0")) {
                throw CartcomException.badRequest("'" + expected + "' is not a boolean");
            }
            return b.compareTo(value);
        }
        return lower(actual.toString()).compareTo(lower(expected));
    }

    private static String asText(Object value, ZoneId zone) {
        if (value instanceof Instant instant) {
            return CartcomDates.format(instant, zone);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
