package com.orderdesk.cartcom.importer.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Cart.com gives each line's weight in its product's own unit ({@code weight_unit}: Lbs, Oz, Kg, g); Order Desk
 * holds one unit per order, pounds, so four 8-oz mugs weigh 2 lb, not 32.
 */
final class ItemWeights {
    private static final BigDecimal POUNDS_PER_KILOGRAM = new BigDecimal("2.20462262");

    private ItemWeights() {
    }

    /** The weight in pounds (4 decimals); absent is 0; an unknown unit is taken as pounds, the storefront default. */
    static BigDecimal inPounds(BigDecimal weight, String unit) {
        if (weight == null) {
            return BigDecimal.ZERO;
        }
        String u = unit == null ? "lbs" : unit.trim().toLowerCase(Locale.ROOT).replace(".", "");
        BigDecimal pounds = switch (u) {
            case "oz", "ounce", "ounces" -> weight.divide(new BigDecimal("16"), 4, RoundingMode.HALF_UP);
            case "kg", "kgs", "kilogram", "kilograms" -> weight.multiply(POUNDS_PER_KILOGRAM);
            case "g", "gr", "gram", "grams" -> weight.multiply(POUNDS_PER_KILOGRAM).movePointLeft(3);
            default -> weight;
        };
        return pounds.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().max(BigDecimal.ZERO);
    }
}
