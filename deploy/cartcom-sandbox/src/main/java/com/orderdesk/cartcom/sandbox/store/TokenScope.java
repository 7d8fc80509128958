package com.orderdesk.cartcom.sandbox.store;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a token may do, named after what the integration does. Cart.com's own scopes (scopes.md) are coarser: its
 * {@code read_orders} covers orders, order addresses and statuses, {@code orders} adds writing them, {@code read_people}
 * and {@code people} cover customers, {@code settings} the shipping providers, {@code system} webhook subscriptions;
 * each is accepted here as that group.
 */
public enum TokenScope {
    ORDERS_READ("orders:read"),
    /** Status changes ({@code PUT /orders/{id}/status}) and shipments ({@code POST /order_shipments}). */
    ORDERS_WRITE("orders:write"),
    CUSTOMERS_READ("customers:read"),
    ADDRESSES_READ("addresses:read"),
    STATUSES_READ("statuses:read"),
    SETTINGS_READ("settings:read"),
    /**
     * Webhook subscriptions ({@code /webhooks}): "Perform system tasks" in webhooks.md, Cart.com's {@code system} scope
     * (scopes.md). The main token has it; a token minted without it is refused there, as a live store's would be.
     */
    SYSTEM_TASKS("system:tasks");

    private final String wireName;

    TokenScope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Our names or Cart.com's; an unknown name is a 400. */
    public static Set<TokenScope> parse(Collection<String> names) {
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        for (String name : names) {
            scopes.addAll(named(name == null ? "" : name.trim().toLowerCase(Locale.ROOT)));
        }
        return scopes;
    }

    private static Set<TokenScope> named(String name) {
        for (TokenScope scope : values()) {
            if (scope.wireName.equals(name)) {
                return EnumSet.of(scope);
            }
        }
        return switch (name) {
            case "read_orders" -> EnumSet.of(ORDERS_READ, ADDRESSES_READ, STATUSES_READ);
            case "orders" -> EnumSet.of(ORDERS_READ, ORDERS_WRITE, ADDRESSES_READ, STATUSES_READ);
            case "read_people", "people" -> EnumSet.of(CUSTOMERS_READ);
            case "settings" -> EnumSet.of(SETTINGS_READ);
            case "system" -> EnumSet.of(SYSTEM_TASKS);
            default -> throw new IllegalArgumentException("unknown scope '" + name + "'; known: "
                    + EnumSet.allOf(TokenScope.class).stream().map(TokenScope::wireName).collect(Collectors.joining(", "))
                    + " or Cart.com's read_orders, orders, read_people, people, settings, system");
        };
    }
}
