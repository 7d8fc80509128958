package com.orderdesk.cartcom.kit.cartcom;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * Entry point to the Cart.com Storefront API: one shared HTTP client (connection pool) for all stores, and a
 * light {@link CartcomStoreApi} per store and token. Built on the JDK client because every store has its
 * own base URL and rate-limit headers that callers must see; retry and backoff policy stay with the caller,
 * which knows whether a call may wait (a poll) or must report (a connection check).
 */
public final class CartcomClient {
    /** What every call names itself by in {@code User-Agent}, before the calling service's name. */
    public static final String INTEGRATION = "orderdesk-cartcom";

    private final CartcomEndpoints endpoints;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;
    private final CartcomLimits limits;
    private final HostResolver dns;
    private final String userAgent;

    public CartcomClient(CartcomEndpoints endpoints, Duration connectTimeout, Duration requestTimeout) {
        this(endpoints, connectTimeout, requestTimeout, CartcomLimits.DEFAULTS);
    }

    public CartcomClient(CartcomEndpoints endpoints, Duration connectTimeout, Duration requestTimeout,
                         CartcomLimits limits) {
        this(endpoints, connectTimeout, requestTimeout, limits, new HostResolver());
    }

    /** {@code dns} answers the per-call check of a store's domain ({@link CartcomEndpoints#publicAddressesOnly()}). */
    public CartcomClient(CartcomEndpoints endpoints, Duration connectTimeout, Duration requestTimeout,
                         CartcomLimits limits, HostResolver dns) {
        this(endpoints, HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build(), requestTimeout, Clock.systemUTC(), limits, dns);
    }

    public CartcomClient(CartcomEndpoints endpoints, HttpClient http, Duration requestTimeout, Clock clock,
                         CartcomLimits limits, HostResolver dns) {
        this(endpoints, http, requestTimeout, clock, limits, dns, INTEGRATION);
    }

    private CartcomClient(CartcomEndpoints endpoints, HttpClient http, Duration requestTimeout, Clock clock,
                          CartcomLimits limits, HostResolver dns, String userAgent) {
        this.dns = dns;
        this.endpoints = endpoints;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
        this.limits = limits;
        this.userAgent = userAgent;
    }

    /**
     * The same client (and connection pool) whose calls name {@code service} in their {@code User-Agent}, e.g.
     * {@code orderdesk-cartcom/order-poller}: every service spends the same store's call budget, and a store (or the
     * sandbox, which counts 429s per caller) can tell who spent it.
     */
    public CartcomClient callingAs(String service) {
        String name = service == null ? "" : service.strip();
        return new CartcomClient(endpoints, http, requestTimeout, clock, limits, dns,
                name.isEmpty() ? INTEGRATION : INTEGRATION + "/" + name);
    }

    public CartcomStoreApi store(String domain, String accessToken) {
        return new CartcomStoreApi(endpoints, domain, accessToken, http, requestTimeout, clock, limits, dns, userAgent);
    }

    /** The {@code User-Agent} every call sends. */
    public String userAgent() {
        return userAgent;
    }

    public CartcomEndpoints endpoints() {
        return endpoints;
    }
}
