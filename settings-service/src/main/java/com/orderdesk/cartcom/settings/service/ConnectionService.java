package com.orderdesk.cartcom.settings.service;

import com.orderdesk.cartcom.kit.budget.CallKind;
import com.orderdesk.cartcom.kit.cartcom.CartcomException;
import com.orderdesk.cartcom.kit.cartcom.StoreApis;
import com.orderdesk.cartcom.model.cartcom.OrderStatus;
import com.orderdesk.cartcom.model.crypto.EncryptedToken;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.kit.rest.ApiException;
import com.orderdesk.cartcom.settings.config.MerchantLimits;
import com.orderdesk.cartcom.settings.entity.CartcomConnection;
import com.orderdesk.cartcom.settings.entity.CartcomSettings;
import com.orderdesk.cartcom.settings.entity.Store;
import com.orderdesk.cartcom.settings.outbox.SnapshotPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Connecting a store to Cart.com: check the domain, verify domain, token and every scope that can be read live
 * ({@link ScopeCheck}: order statuses, orders, customers, order addresses), and only then store the token sealed and
 * publish the snapshot. The live check runs outside any transaction, so a slow Cart.com never holds a database
 * connection or the store's lock; a failed check changes nothing.
 */
@ApplicationScoped
public class ConnectionService {
    private static final Logger LOG = Logger.getLogger(ConnectionService.class);
    private static final int HINT_CHARS = 4;
    /** What a connection check cannot try without changing the store: status changes and shipments. */
    public static final List<String> UNCHECKED_SCOPES = ScopeCheck.UNCHECKED;

    private final DomainValidator domains;
    private final StoreApis apis;
    private final TokenCrypto crypto;
    private final SnapshotPublisher snapshots;
    private final OrderStatusCache statusCache;
    private final MeterRegistry metrics;
    private final MerchantLimits limits;

    ConnectionService(DomainValidator domains, StoreApis apis, TokenCrypto crypto, SnapshotPublisher snapshots,
                      OrderStatusCache statusCache, MeterRegistry metrics, MerchantLimits limits) {
        this.domains = domains;
        this.apis = apis;
        this.crypto = crypto;
        this.snapshots = snapshots;
        this.statusCache = statusCache;
        this.metrics = metrics;
        this.limits = limits;
    }

    /** The access token arrives present (the resource's constraint), the domain as typed. */
    public CartcomConnection connect(long storeId, String domainInput, String accessToken) {
        String token = accessToken.trim();
        if (token.length() > limits.maxAccessTokenLength()) {
            throw new ApiException(422, CartcomFailures.TOKEN_REJECTED, "An access token has at most "
                    + limits.maxAccessTokenLength() + " characters: paste only the token");
        }
        String domain = domains.validate(domainInput);
        List<OrderStatus> statuses;
        try {
            // A merchant waits on the check: first in the store's call budget.
            statuses = ScopeCheck.run(apis.withToken(domain, token, CallKind.MERCHANT));
        } catch (CartcomException e) {
            ApiException refusal = CartcomFailures.forConnect(e, domain);
            metrics.counter("cartcom.connection.checks", "outcome", refusal.code()).increment();
            // The exception's message names the host, method, path and status only; never the token.
            LOG.infof("connection check of store %d at %s failed: %s (%s)", storeId, domain, refusal.code(), e.getMessage());
            throw refusal;
        } catch (ScopeCheck.MissingScopes e) {
            metrics.counter("cartcom.connection.checks", "outcome", CartcomFailures.SCOPE_MISSING).increment();
            LOG.infof("connection check of store %d at %s failed: the token lacks %s", storeId, domain, e.scopes());
            throw e.forConnect(domain);
        }
        metrics.counter("cartcom.connection.checks", "outcome", "connected").increment();
        CartcomConnection saved = QuarkusTransaction.requiringNew().call(() -> save(storeId, domain, token));
        statusCache.remember(storeId, domain, statuses);
        LOG.infof("store %d connected to Cart.com store %s", storeId, domain);
        return saved;
    }

    CartcomConnection save(long storeId, String domain, String token) {
        Store store = StoreService.lock(storeId);
        CartcomConnection connection = CartcomConnection.findById(storeId);
        if (connection == null) {
            connection = new CartcomConnection();
            connection.storeId = storeId;
        } else if (connection.domain != null && !connection.domain.equals(domain)) {
            // Another Cart.com store: its status ids are not this one's; the merchant chooses again.
            CartcomSettings settings = CartcomSettings.findById(storeId);
            if (settings != null) {
                settings.forgetStatuses();
            }
        }
        EncryptedToken sealed = crypto.encrypt(storeId, domain, token);
        connection.domain = domain;
        connection.connected = true;
        connection.encryptedToken = sealed.ciphertext();
        connection.tokenKeyId = sealed.keyId();
        connection.tokenHint = hint(token);
        connection.verifiedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        connection.updatedAt = connection.verifiedAt;
        connection.persist();
        snapshots.publish(store);
        return connection;
    }

    /** Disconnects: the token is dropped and the snapshot says not connected, so polling and syncing stop. */
    @Transactional
    public CartcomConnection disconnect(long storeId) {
        Store store = StoreService.lock(storeId);
        CartcomConnection connection = CartcomConnection.findById(storeId);
        if (connection == null) {
            return null;
        }
        if (connection.connected) {
            connection.connected = false;
            connection.encryptedToken = null;
            connection.tokenKeyId = null;
            connection.tokenHint = null;
            connection.updatedAt = Instant.now();
            snapshots.publish(store);
        }
        statusCache.forget(storeId);
        return connection;
    }

    public CartcomConnection current(long storeId) {
        return CartcomConnection.findById(storeId);
    }

    /** Enough for a merchant to recognise the token, far too little to use it. */
    static String hint(String token) {
        return token.length() < 3 * HINT_CHARS ? "****" : "****" + token.substring(token.length() - HINT_CHARS);
    }
}
