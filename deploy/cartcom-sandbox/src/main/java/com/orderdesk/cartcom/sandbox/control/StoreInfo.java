package com.orderdesk.cartcom.sandbox.control;

import com.orderdesk.cartcom.sandbox.seed.RealWorldShape;
import com.orderdesk.cartcom.sandbox.fault.FaultSettings;
import com.orderdesk.cartcom.sandbox.store.SandboxStore;
import com.orderdesk.cartcom.sandbox.store.StoreSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the control API tells about a store; token is the first (oldest) valid token, if any; tokenScopes the scopes
 * of each token minted with some.
 */
public record StoreInfo(String domain, String token, List<String> tokens, String baseUrl, String plan, int rateLimit,
                        int windowSeconds, String utcOffset, String retryAfterFormat, FaultSettings faults,
                        int orderCount, List<String> realWorld, Map<String, List<String>> tokenScopes,
                        Integer countCap) {

    public static StoreInfo of(SandboxStore store, String requestBase) {
        StoreSettings s = store.settings();
        List<String> tokens = store.tokens();
        int orders = store.data().read(data -> data.orders.size());
        return new StoreInfo(store.domain(), tokens.isEmpty() ? null : tokens.get(0), tokens,
                baseUrl(requestBase, store.domain()), s.planName(), s.rateLimit(),
                s.windowSeconds(), s.utcOffset(), s.retryAfterFormat().wireName(), store.faults().settings(), orders,
                s.realWorld().stream().map(RealWorldShape::wireName).sorted().toList(), scoped(store, tokens),
                s.pageCap().isPresent() ? s.pageCap().getAsInt() : null);
    }

    /** Only the tokens minted with scopes; the others may do everything. */
    private static Map<String, List<String>> scoped(SandboxStore store, List<String> tokens) {
        Map<String, List<String>> scoped = new LinkedHashMap<>();
        for (String token : tokens) {
            store.scopesOf(token).ifPresent(scopes -> scoped.put(token, StoreControlResource.wireNames(scopes)));
        }
        return scoped;
    }

    /** The store's Cart.com base URL on this sandbox: {request base}/{domain}/api/v1. */
    public static String baseUrl(String requestBase, String domain) {
        String base = requestBase.endsWith("/") ? requestBase.substring(0, requestBase.length() - 1) : requestBase;
        return base + "/" + domain + "/api/v1";
    }
}
