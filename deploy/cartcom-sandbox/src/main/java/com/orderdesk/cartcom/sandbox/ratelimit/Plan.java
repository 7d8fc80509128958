package com.orderdesk.cartcom.sandbox.ratelimit;

import java.util.Locale;

/** Cart.com plans and the calls per 10-second window a custom app gets on each (README, "Rate Limiting"). */
public enum Plan {
    STEEL(5), BRONZE(10), SILVER(20), GOLD(50);

    private final int callsPerWindow;

    Plan(int callsPerWindow) {
        this.callsPerWindow = callsPerWindow;
    }

    public int callsPerWindow() {
        return callsPerWindow;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts "gold", "Gold+" and "platinum" alike: every plan above gold has gold's limit. */
    public static Plan parse(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace("+", "");
        if (name.equals("PLATINUM") || name.equals("ENTERPRISE")) {
            return GOLD;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown plan '" + text + "' (steel, bronze, silver, gold)");
        }
    }
}
