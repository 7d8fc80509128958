package com.orderdesk.cartcom.sandbox.api.query;

import java.util.Locale;

/** The comparison operators of query_syntax.md. */
public enum ComparisonOperator {
    EQ, NOT, LIKE, STARTWITH, GT, GTE, LT, LTE;

    /** null when the text is not an operator name, so "value:with:colons" stays a plain eq value. */
    public static ComparisonOperator fromPrefix(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
