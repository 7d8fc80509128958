package com.orderdesk.cartcom.kit.budget;

import java.util.Locale;

/**
 * What a Cart.com call is for, in the order the store's budget serves them (docs/architecture.md, "One call budget per
 * store"). Each kind is guaranteed its share of every window while it has work; what a kind leaves unused goes to
 * whoever asks, and after a full window the higher kinds ask first.
 */
public enum CallKind {
    /** A merchant waiting on a page: the connection check, the live order statuses. */
    MERCHANT(2),
    /** What the merchant's customers see: acknowledgements (after-import status), shipments and their status. */
    CUSTOMER_VISIBLE(4),
    /** Scheduled and webhook-driven polls, held orders, webhook subscriptions. */
    POLLING(3),
    /** A manual import's walk through older orders. */
    IMPORT_SWEEP(1);

    /** Tenths of a window guaranteed to the kind while it has work; they add up to the whole window. */
    private final int tenths;

    CallKind(int tenths) {
        this.tenths = tenths;
    }

    /** The slots of a window of {@code limit} calls held for this kind while it has work: at least one. */
    public int share(int limit) {
        return Math.max(1, limit * tenths / 10);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CallKind parse(String wireName) {
        for (CallKind kind : values()) {
            if (kind.wireName().equals(wireName)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown call kind '" + wireName + "'");
    }
}
