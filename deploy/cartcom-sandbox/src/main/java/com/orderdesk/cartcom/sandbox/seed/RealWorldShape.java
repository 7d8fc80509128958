package com.orderdesk.cartcom.sandbox.seed;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The shapes live Cart.com orders take that a friendly sandbox would never send (issue 16), each its own switch
 * on a store ({@code real_world} in the store's control settings); {@code all} turns every one on. Applied to the
 * orders placed while the switch is on.
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
    VARIANT_SKUS;

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
