package com.orderdesk.cartcom.sandbox.seed;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The shapes live Cart.com orders take that a friendly sandbox would never send (issue 16), each its own switch
 * on a store ({@code real_world} in the store's control settings); {@code all} turns every one on. Order shapes apply
 * to the orders placed while the switch is on; the store-wide ones to every call while it is on.
 */
public enum RealWorldShape {
    /** A coupon line: {@code is_discount_item}, a negative price, counted in the subtotal. */
    DISCOUNT_LINES,
    /** A gift-wrap line: {@code is_non_shipping_item}, no weight, never shipped. */
    NON_SHIPPING_LINES,
    /** A kit: a parent line and two children ({@code parent_order_item_id}, bound to the parent's quantity, price 0). */
    KIT_LINES,
    /** Weights in ounces, kilograms or grams ({@code weight_unit}) as well as pounds. */
    MIXED_WEIGHT_UNITS,
    /** A US ZIP with a leading zero sent as a JSON number (02116 arrives as 2116). */
    NUMERIC_POSTAL_CODES,
    /** {@code additional_fees} and {@code delivery_tax}, which the grand total includes. */
    FEES,
    /** A variant's own SKU in {@code item_number_full}, the product's in {@code item_number}. */
    VARIANT_SKUS,
    /** Money fields of the order, its items and payments as JSON strings ("12.50"), as some live stores send them. */
    MONEY_AS_STRINGS,
    /**
     * Store-wide: tokens minted with {@code scopes} are held to them (403 on a call the scopes do not allow). The
     * store's main token keeps every scope, so a real-world store still connects with it.
     */
    PARTIAL_SCOPES,
    /** Store-wide: a {@code www.} store also answers on its bare domain, with a 301 to the {@code www.} API. */
    BARE_DOMAIN_REDIRECT,
    /** Store-wide: {@code /shipping_providers} names the carriers as live stores do ("United Parcel Service", "Fedex"). */
    PROVIDER_NAMES,
    /**
     * Every 5th new order is listed with an odd {@code updated_at} and {@code ordered_at}: {@code ""}, null, or
     * local time without offset ({@code 2026-05-01 10:15:00}), in turn. Filters still match its true time.
     */
    ODD_DATES,
    /** {@code updated_at} to the second and shared by every change made in the same second (no unique stamps). */
    UPDATED_AT_TIES,
    /** {@code count} capped at the store's {@code count_cap} (50 unless set), with a {@code next_page} when more follow. */
    COUNT_CAP,
    /** {@code /order_addresses} lists under {@code order_addresses} (acapi.yaml) instead of {@code addresses}. */
    ORDER_ADDRESSES_KEY,
    /**
     * {@code select_many} answers one page of ids at most ({@link #SELECT_MANY_PAGE}) and leaves out every 3rd id
     * the first two times it is asked for; an answer with none of the ids is a 404.
     */
    SELECT_MANY_GAPS,
    /** Every 4th new order is listed without {@code items} although {@code expand=items} was asked (by id it has them). */
    EXPAND_IGNORED,
    /** A store created without {@code utc_offset} keeps its times in America/New_York (daylight saving). */
    DST_ZONE;

    /** How many ids a {@code select_many} answers with {@link #SELECT_MANY_GAPS}. */
    public static final int SELECT_MANY_PAGE = 25;
    /** The {@code count} cap of {@link #COUNT_CAP} when the store sets none. */
    public static final int DEFAULT_COUNT_CAP = 50;
    /** The zone of {@link #DST_ZONE}. */
    public static final String DST_ZONE_ID = "America/New_York";

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Wire names, or {@code all}; an unknown name is a 400. */
    public static Set<RealWorldShape> parse(Collection<String> names) {
        Set<RealWorldShape> shapes = EnumSet.noneOf(RealWorldShape.class);
        for (String name : names) {
            String wire = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            if (wire.equals("all") || wire.equals("real_world")) {
                return EnumSet.allOf(RealWorldShape.class);
            }
            try {
                shapes.add(valueOf(wire.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown real_world shape '" + name + "'; known: all, "
                        + String.join(", ", EnumSet.allOf(RealWorldShape.class).stream().map(RealWorldShape::wireName).toList()));
            }
        }
        return shapes;
    }
}
