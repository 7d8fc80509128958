package com.orderdesk.cartcom.sandbox.store;

import com.orderdesk.cartcom.sandbox.fault.FaultInjector;
import com.orderdesk.cartcom.sandbox.fault.HostileModes;
import com.orderdesk.cartcom.sandbox.fault.HostileSettings;
import com.orderdesk.cartcom.sandbox.ratelimit.FixedWindowRateLimiter;
import com.orderdesk.cartcom.sandbox.webhook.StoreWebhooks;
import com.orderdesk.cartcom.sandbox.webhook.WebhookSender;
import com.orderdesk.cartcom.sandbox.seed.DefaultShippingProviders;
import com.orderdesk.cartcom.sandbox.seed.RealWorldShape;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** One fake Cart.com store: its tokens, settings, rate-limit window, faults, call log, records and webhooks. */
public final class SandboxStore {

    private final String domain;
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    /** The tokens minted with scopes, and those scopes; every other token may do everything. */
    private final Map<String, Set<TokenScope>> tokenScopes = new ConcurrentHashMap<>();
    private volatile StoreSettings settings;
    private final FixedWindowRateLimiter rateLimiter;
    private final FaultInjector faults;
    private final CallLog callLog;
    private final CallerCounts callers;
    private final StoreData data;
    private final AtomicReference<ListHook> listHook = new AtomicReference<>();
    private final HostileModes hostile = new HostileModes();
    private final StoreWebhooks webhooks;

    public SandboxStore(String domain, StoreSettings settings, long defaultTimeoutMs, int callLogLimit, long firstOrderId,
                        WebhookSender webhookSender, Instant createdAt) {
        this.domain = domain;
        this.settings = settings;
        this.rateLimiter = new FixedWindowRateLimiter(settings.rateLimit(), Duration.ofSeconds(settings.windowSeconds()));
        this.faults = new FaultInjector(defaultTimeoutMs);
        this.callLog = new CallLog(callLogLimit);
        this.callers = new CallerCounts(createdAt);
        this.data = new StoreData(firstOrderId);
        this.webhooks = new StoreWebhooks(() -> this.settings.zone(), webhookSender);
        data.listen(webhooks);
        data.tiedTouches(settings.realWorld().contains(RealWorldShape.UPDATED_AT_TIES));
    }

    public String domain() {
        return domain;
    }

    public StoreSettings settings() {
        return settings;
    }

    public synchronized void updateSettings(StoreSettings newSettings, Instant now) {
        rateLimiter.reconfigure(newSettings.rateLimit(), Duration.ofSeconds(newSettings.windowSeconds()));
        boolean providerNames = newSettings.realWorld().contains(RealWorldShape.PROVIDER_NAMES);
        if (providerNames != settings.realWorld().contains(RealWorldShape.PROVIDER_NAMES)) {
            data.write(d -> {
                DefaultShippingProviders.install(d, providerNames, now);
                return null;
            });
        }
        settings = newSettings;
        data.tiedTouches(newSettings.realWorld().contains(RealWorldShape.UPDATED_AT_TIES));
    }

    public boolean acceptsToken(String token) {
        return token != null && tokens.contains(token.trim());
    }

    public void addToken(String token) {
        tokens.add(token);
    }

    /** A token held to {@code scopes} while the store is in {@link RealWorldShape#PARTIAL_SCOPES}. */
    public void addToken(String token, Set<TokenScope> scopes) {
        tokenScopes.put(token, Set.copyOf(scopes));
        tokens.add(token);
    }

    public boolean revokeToken(String token) {
        tokenScopes.remove(token);
        return tokens.remove(token);
    }

    /** The scopes a token was minted with; empty for a token that may do everything. */
    public Optional<Set<TokenScope>> scopesOf(String token) {
        return Optional.ofNullable(tokenScopes.get(token));
    }

    /** Whether a valid token may make a call needing {@code scope} (null: a call no scope governs). */
    public boolean allows(String token, TokenScope scope) {
        if (scope == null || !settings.realWorld().contains(RealWorldShape.PARTIAL_SCOPES)) {
            return true;
        }
        Set<TokenScope> scopes = tokenScopes.get(token.trim());
        return scopes == null || scopes.contains(scope);
    }

    public List<String> tokens() {
        return new ArrayList<>(tokens);
    }

    public FixedWindowRateLimiter rateLimiter() {
        return rateLimiter;
    }

    public FaultInjector faults() {
        return faults;
    }

    public CallLog callLog() {
        return callLog;
    }

    /** Every answered Cart.com call goes to the call log and to the counts by caller. */
    public void recordCall(CallRecord call) {
        callLog.record(call);
        callers.count(call);
    }

    public CallerCounts callers() {
        return callers;
    }

    public StoreData data() {
        return data;
    }

    /** The status change armed for the middle of a client's paging, if any (see {@link ListHook}). */
    public AtomicReference<ListHook> listHook() {
        return listHook;
    }

    /** Its webhook deliveries: faults, the delivery log (the subscriptions are records in {@link #data()}). */
    public StoreWebhooks webhooks() {
        return webhooks;
    }

    /** The store is forgotten: deliveries still queued for it are not sent. */
    public void close() {
        webhooks.close();
    }

    /** The hostile modes this store's API is in; {@link HostileSettings#NONE} when healthy. */
    public HostileModes hostile() {
        return hostile;
    }
}
