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
    PROVIDER_NAMES;

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
