package com.orderdesk.cartcom.kit.cartcom;

import java.util.Optional;

/** Cart.com's {@code X-AC-Call-Limit: used/max} header: calls used in the store's current 10-second window. */
public record CallLimit(int used, int max) {
    public static final String HEADER = "X-AC-Call-Limit";

    public static Optional<CallLimit> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        int slash = header.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CallLimit(Integer.parseInt(header.substring(0, slash).trim()),
                    Integer.parseInt(header.substring(slash + 1).trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public int remaining() {
        return Math.max(0, max - used);
    }
}
