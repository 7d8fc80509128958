package com.orderdesk.cartcom.settings.service;

import com.orderdesk.cartcom.kit.cartcom.CartcomException;
import com.orderdesk.cartcom.kit.cartcom.CartcomStoreApi;
import com.orderdesk.cartcom.model.cartcom.OrderStatus;
import com.orderdesk.cartcom.kit.rest.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The connection check, scope by scope: one cheap read of each thing the integration reads (order statuses, orders,
 * customers, order addresses), so that a token lacking one is refused at connect time by name, not later by a paused
 * poller. Writing order statuses and shipments cannot be tried without changing the store: those stay unchecked.
 * Cart.com does not say whether a missing scope answers 401 or 403 (field notes): a refusal next to a read that
 * worked, or any 403, is a missing scope; every read refused with 401 is a rejected token.
 */
final class ScopeCheck {
    /** What could not be checked, as the success answer names it: status changes and shipments. */
    static final List<String> UNCHECKED = List.of("orders:write");

    private record Probe(String scope, String what, String cartcomScope) {
    }

    private static final Probe STATUSES = new Probe("statuses:read", "order statuses", "read_orders");
    private static final Probe ORDERS = new Probe("orders:read", "orders", "read_orders");
    private static final Probe CUSTOMERS = new Probe("customers:read", "customers", "read_people");
    private static final Probe ADDRESSES = new Probe("addresses:read", "order addresses", "read_orders");
    private static final int PROBES = 4;

    private final List<Probe> refused = new ArrayList<>();
    private CartcomException firstRefusal;
    private boolean forbidden;

    private ScopeCheck() {
    }

    /**
     * Reads the statuses (the connection keeps them), then one row of each other resource. A failure that is not a
     * refusal (unreachable, redirect, rate limit) ends the check with its own exception.
     *
     * @throws CartcomException when the token is rejected outright, or the store fails otherwise
     * @throws MissingScopes    when the token is valid but may not read something the integration reads
     */
    static List<OrderStatus> run(CartcomStoreApi api) {
        ScopeCheck check = new ScopeCheck();
        List<OrderStatus> statuses = check.attempt(STATUSES, api::orderStatuses);
        check.tryReading(ORDERS, () -> api.readFirstRow("orders", "orders"));
        check.tryReading(CUSTOMERS, () -> api.readFirstRow("customers", "customers"));
        check.tryReading(ADDRESSES, () -> api.readFirstRow("order_addresses", "addresses"));
        if (check.refused.size() == PROBES && !check.forbidden) {
            throw check.firstRefusal;
        }
        if (!check.refused.isEmpty()) {
            throw new MissingScopes(check.refused);
        }
        return statuses;
    }

    private void tryReading(Probe probe, Runnable read) {
        attempt(probe, () -> {
            read.run();
            return null;
        });
    }

    private <T> T attempt(Probe probe, Supplier<T> read) {
        try {
            return read.get();
        } catch (CartcomException e) {
            if (e.kind() != CartcomException.Kind.CREDENTIALS_REJECTED) {
                throw e;
            }
            refused.add(probe);
            firstRefusal = firstRefusal == null ? e : firstRefusal;
            forbidden |= e.httpStatus() == 403;
            return null;
        }
    }

    /** A valid token that may not read some of what the integration reads; names each missing scope. */
    static final class MissingScopes extends RuntimeException {
        private final List<Probe> refused;

        private MissingScopes(List<Probe> refused) {
            super("missing scopes " + refused.stream().map(Probe::scope).toList());
            this.refused = refused;
        }

        List<String> scopes() {
            return refused.stream().map(Probe::scope).toList();
        }

        /** 422 scope_missing; {@code fields.access_token} lists the scopes, the message says what they allow. */
        ApiException forConnect(String domain) {
            String what = refused.stream().map(Probe::what).collect(Collectors.joining(", "));
            String cartcom = refused.stream().map(Probe::cartcomScope).distinct().collect(Collectors.joining(", "));
            return new ApiException(422, CartcomFailures.SCOPE_MISSING, "The access token for " + domain
                    + " may not read " + what + ": create a token with the Cart.com scopes " + cartcom
                    + " (and orders, to update orders and add shipments)",
                    Map.of("access_token", "missing scopes: " + String.join(", ", scopes())));
        }
    }
}
