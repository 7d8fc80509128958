package com.orderdesk.cartcom.sandbox.seed;

import com.orderdesk.cartcom.sandbox.store.StoreData;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
        putFlags(s, flags, Flag.OPEN, Flag.DECLINED, Flag.CANCELLED, Flag.SHIPPED);
        s.put("color", color);
        s.put("email_template_id", null);
        s.put("updated_at", at);
        s.put("created_at", at);
        putFlags(s, flags, Flag.FULLY_REFUNDED, Flag.PARTIALLY_REFUNDED, Flag.QUOTE, Flag.PARTIALLY_SHIPPED);
        return s;
    }

    private static void add(StoreData data, Instant now, long id, String name, String color, Flag... flags) {
        data.statuses.put(id, status(id, name, color, now, flags));
    }

    /** The flags sit in two groups in Cart.com's status model; each is true when the status has it. */
    private static void putFlags(Map<String, Object> status, Flag[] given, Flag... group) {
        for (Flag flag : group) {
            status.put(flag.field, has(given, flag));
        }
    }

    private static boolean has(Flag[] flags, Flag flag) {
        for (Flag f : flags) {
            if (f == flag) {
                return true;
            }
        }
        return false;
    }

    /** The boolean flags of a status, with their JSON field names. */
    public enum Flag {
        OPEN("is_open"), DECLINED("is_declined"), CANCELLED("is_cancelled"), SHIPPED("is_shipped"),
        FULLY_REFUNDED("is_fully_refunded"), PARTIALLY_REFUNDED("is_partially_refunded"), QUOTE("is_quote_status"),
        PARTIALLY_SHIPPED("is_partially_shipped");

        public final String field;

        Flag(String field) {
            this.field = field;
        }

        /** Every flag's field name: what the control API lets a merchant set to true or false. */
        public static Set<String> fields() {
            return Arrays.stream(values()).map(f -> f.field).collect(Collectors.toUnmodifiableSet());
        }
    }
}
