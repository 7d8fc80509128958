package com.orderdesk.cartcom.sandbox.api.query;

/** One "op:value" term; a value without an operator means eq. */
public record Condition(ComparisonOperator operator, String value) {

    public static Condition parse(String term) {
        String text = term.trim();
        int colon = text.indexOf(':');
        if (colon > 0) {
            ComparisonOperator op = ComparisonOperator.fromPrefix(text.substring(0, colon));
            if (op != null) {
                return new Condition(op, text.substring(colon + 1));
            }
        }
        return new Condition(ComparisonOperator.EQ, text);
    }
}
