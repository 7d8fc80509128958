package com.orderdesk.cartcom.kit.cartcom.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.orderdesk.cartcom.kit.cartcom.CartcomEndpoints;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The prototype's CartcomClient: one Quarkus REST client per store base URL, built on first use, cached and closed
 * on eviction (each holds its own Vert.x HTTP client and connection pool), handing out light per-token handles.
 */
public final class RestStoreApis implements AutoCloseable {
    private final CartcomEndpoints endpoints;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Clock clock;
    private final Cache<URI, CartcomRest> clients;

    public RestStoreApis(CartcomEndpoints endpoints, Duration connectTimeout, Duration requestTimeout, long maxClients,
            Duration idle) {
        this.endpoints = endpoints;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.clock = Clock.systemUTC();
        this.clients = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(idle)
                .executor(Runnable::run)
                .removalListener((URI base, CartcomRest client, RemovalCause cause) -> close(client))
                .build();
    }

    public RestCartcomStoreApi store(String domain, String accessToken) {
        URI base = endpoints.baseUri(domain);
        return new RestCartcomStoreApi(base, accessToken, clients.get(base, this::build), requestTimeout, clock);
    }

    private CartcomRest build(URI base) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                // Between two reads; the whole answer is bounded by the handle (requestTimeout).
                .readTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                // Every status comes back as a RestResponse and is classified in one place, as in CartcomStoreApi.
                .disableDefaultMapper(true)
                .build(CartcomRest.class);
    }

    public long size() {
        clients.cleanUp();
        return clients.estimatedSize();
    }

    @Override
    public void close() {
        clients.invalidateAll();
        clients.cleanUp();
    }

    private static void close(CartcomRest client) {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
