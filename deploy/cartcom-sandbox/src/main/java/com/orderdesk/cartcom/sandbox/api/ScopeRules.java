package com.orderdesk.cartcom.sandbox.api;

import com.orderdesk.cartcom.sandbox.store.TokenScope;

/** Which scope a Cart.com call needs, by its method and resource (see {@link TokenScope}). */
final class ScopeRules {
    private static final String API_ROOT = "/api/v1/";

    private ScopeRules() {
    }

    /** {@code storePath} as the store logs it ("/api/v1/orders/5/status"); null when no scope governs the path. */
    static TokenScope required(String method, String storePath) {
        if (!storePath.startsWith(API_ROOT)) {
            return null;
        }
        String rest = storePath.substring(API_ROOT.length());
        String resource = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        boolean reads = "GET".equals(method);
        return switch (resource) {
            case "orders", "order_items", "order_payments", "order_shipments" ->
                    reads ? TokenScope.ORDERS_READ : TokenScope.ORDERS_WRITE;
            case "order_addresses" -> TokenScope.ADDRESSES_READ;
            case "customers" -> TokenScope.CUSTOMERS_READ;
            case "order_statuses" -> TokenScope.STATUSES_READ;
            case "shipping_providers" -> TokenScope.SETTINGS_READ;
            case "webhooks" -> TokenScope.SYSTEM_TASKS;
            default -> null;
        };
    }
}
