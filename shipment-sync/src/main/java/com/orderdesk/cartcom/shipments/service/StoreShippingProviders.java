package com.orderdesk.cartcom.shipments.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.cartcom.kit.cartcom.CartcomException;
import com.orderdesk.cartcom.kit.cartcom.CartcomStoreApi;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.shipments.config.ShipmentSyncConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Each store's shipping providers, read from Cart.com at most once per lifetime (an hour by default: merchants rarely
 * change them), kept per store and domain. The read runs beside the worker: a shipment waits for it a short while at
 * most, so a slow store's answer never holds the shipment up, and a store that refuses it (a token without Cart.com's
 * {@code settings} scope) or fails leaves an empty list for the lifetime: the table's names go instead.
 */
@ApplicationScoped
public class StoreShippingProviders {
    private static final Logger LOG = Logger.getLogger(StoreShippingProviders.class);

    private record Entry(String domain, Instant readAt, CompletableFuture<List<StoreProvider>> providers) {
    }

    private final ConcurrentMap<Long, Entry> byStore = new ConcurrentHashMap<>();
    private final ExecutorService readers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "shipping-providers");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration lifetime;
    private final Duration wait;
    private final Clock clock = Clock.systemUTC();

    StoreShippingProviders(ShipmentSyncConfig config) {
        this.lifetime = config.shippingProviders().lifetime();
        this.wait = config.shippingProviders().maxWait();
    }

    /** What is known of the store's list within the wait; empty when it is not (yet) known or cannot be read. */
    List<StoreProvider> of(StoreIntegrationChanged store, CartcomStoreApi api) {
        Instant now = clock.instant();
        Entry entry = byStore.compute(store.storeId(), (id, known) ->
                known != null && known.domain().equals(store.domain()) && known.readAt().plus(lifetime).isAfter(now)
                        ? known
                        : new Entry(store.domain(), now, CompletableFuture.supplyAsync(() -> read(store, api), readers)));
        try {
            return entry.providers().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The read goes on and serves the store's next shipment.
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException e) {
            // No slot in the store's call budget yet: nothing was asked, so the next shipment asks again.
            byStore.remove(store.storeId(), entry);
            return List.of();
        }
    }

    private static List<StoreProvider> read(StoreIntegrationChanged store, CartcomStoreApi api) {
        try {
            List<ObjectNode> rows = api.shippingProviders();
            return rows.stream().map(StoreProvider::of).filter(Objects::nonNull).toList();
        } catch (RuntimeException e) {
            if (e instanceof CartcomException refused && refused.budgetSpent()) {
                throw refused;
            }
            LOG.infof("store %d: shipping providers not readable (%s); carrier names follow the table",
                    store.storeId(), e.getMessage());
            return List.of();
        }
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }
}
