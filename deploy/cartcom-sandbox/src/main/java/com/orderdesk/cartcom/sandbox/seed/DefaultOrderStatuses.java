package com.orderdesk.cartcom.sandbox.seed;

import com.orderdesk.cartcom.sandbox.store.StoreData;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The nine statuses a new store starts with. The docs name only "Pending Processing" (order_statuses.md)
 * and the merchant guide "Approved, Pending Shipping"; the rest follow the flags the API documents.
 * "Quote" carries is_shipped=true on purpose: the field notes report quote statuses doing so live.
 */
public final class DefaultOrderStatuses {

    public static final long PENDING_PROCESSING = 1;
    public static final long APPROVED_PENDING_SHIPPING = 2;
    public static final long SHIPPED = 3;
    public static final long CANCELLED = 4;
    public static final long DECLINED = 5;

    private DefaultOrderStatuses() {
    }

    public static void install(StoreData data, Instant now) {
        add(data, now, 1, "Pending Processing", "#A4E065", Flag.OPEN);
        add(data, now, 2, "Approved, Pending Shipping", "#6FA8DC", Flag.OPEN);
        add(data, now, 3, "Shipped", "#3D85C6", Flag.SHIPPED);
        add(data, now, 4, "Cancelled", "#999999", Flag.CANCELLED);
        add(data, now, 5, "Declined", "#E06666", Flag.DECLINED);
        add(data, now, 6, "Backordered", "#F6B26B", Flag.OPEN);
        add(data, now, 7, "Partially Shipped", "#93C47D", Flag.OPEN, Flag.PARTIALLY_SHIPPED);
        add(data, now, 8, "Refunded", "#B4A7D6", Flag.FULLY_REFUNDED);
        add(data, now, 9, "Quote", "#FFD966", Flag.QUOTE, Flag.SHIPPED);
    }

    /** A status map with every documented field; flags not given are false. */
    public static Map<String, Object> status(long id, String name, String color, Instant at, Flag... flags) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", id);
        s.put("name", name);
        s.put("is_open", has(flags, Flag.OPEN));
        s.put("is_declined", has(flags, Flag.DECLINED));
        s.put("is_cancelled", has(flags, Flag.CANCELLED));
        s.put("is_shipped", has(flags, Flag.SHIPPED));
        s.put("color", color);
        s.put("email_template_id", null);
        s.put("updated_at", at);
        s.put("created_at", at);
        s.put("is_fully_refunded", has(flags, Flag.FULLY_REFUNDED));
        s.put("is_partially_refunded", has(flags, Flag.PARTIALLY_REFUNDED));
        s.put("is_quote_status", has(flags, Flag.QUOTE));
        s.put("is_partially_shipped", has(flags, Flag.PARTIALLY_SHIPPED));
        return s;
    }

    private static void add(StoreData data, Instant now, long id, String name, String color, Flag... flags) {
        data.statuses.put(id, status(id, name, color, now, flags));
    }

    private static boolean has(Flag[] flags, Flag flag) {
        for (Flag f : flags) {
            if (f == flag) {
                return true;
            }
        }
        return false;
    }

    /** The boolean flags of a status. */
    public enum Flag {
        OPEN, DECLINED, CANCELLED, SHIPPED, FULLY_REFUNDED, PARTIALLY_REFUNDED, QUOTE, PARTIALLY_SHIPPED
    }
}
