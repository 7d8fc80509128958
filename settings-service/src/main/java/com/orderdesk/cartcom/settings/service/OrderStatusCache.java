package com.orderdesk.cartcom.settings.service;

import com.orderdesk.cartcom.kit.budget.CallKind;
import com.orderdesk.cartcom.kit.cartcom.CartcomException;
import com.orderdesk.cartcom.kit.cartcom.StoreApis;
import com.orderdesk.cartcom.kit.config.CartcomConfig;
import com.orderdesk.cartcom.kit.rest.ApiException;
import com.orderdesk.cartcom.model.cartcom.OrderStatus;
import com.orderdesk.cartcom.model.crypto.EncryptedToken;
import com.orderdesk.cartcom.settings.entity.CartcomConnection;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A store's live Cart.com statuses, reused for a short while (cartcom.order-status-cache-ttl): the settings page
 * and settings validation ask for them often, and every call counts against the store's small rate limit.
 */
@ApplicationScoped
public class OrderStatusCache {
    private record Entry(String domain, List<OrderStatus> statuses, Instant fetchedAt) {
    }

    private final StoreApis apis;
    private final Duration ttl;
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    OrderStatusCache(StoreApis apis, CartcomConfig config) {
        this.apis = apis;
        this.ttl = config.orderStatusCacheTtl();
    }

    /** The statuses, from the cache or live; 409 not_connected, or 502 with a Cart.com failure code. */
    public List<OrderStatus> statuses(long storeId) {
        return statuses(storeId, false);
    }

    /** As {@link #statuses(long)}; {@code refresh} skips the cache (a merchant just added a status at Cart.com). */
    public List<OrderStatus> statuses(long storeId, boolean refresh) {
        CartcomConnection connection = QuarkusTransaction.joiningExisting()
                .call(() -> CartcomConnection.<CartcomConnection>findById(storeId));
        if (connection == null || !connection.usable()) {
            throw ApiException.notConnected();
        }
        Entry cached = entries.get(storeId);
        if (!refresh && cached != null && cached.domain.equals(connection.domain)
                && cached.fetchedAt.plus(ttl).isAfter(clock.instant())) {
            return cached.statuses;
        }
        List<OrderStatus> live;
        try {
            // Decrypted only for this call, never kept.
            live = apis.open(storeId, connection.domain,
                    new EncryptedToken(connection.tokenKeyId, connection.encryptedToken), CallKind.MERCHANT).orderStatuses();
        } catch (CartcomException e) {
            throw CartcomFailures.forRead(e, connection.domain);
        }
        remember(storeId, connection.domain, live);
        return live;
    }

    /** Statuses just read by a successful connection check. */
    public void remember(long storeId, String domain, List<OrderStatus> statuses) {
        entries.put(storeId, new Entry(domain, List.copyOf(statuses), clock.instant()));
    }

    public void forget(long storeId) {
        entries.remove(storeId);
    }
}
