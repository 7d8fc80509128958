package com.orderdesk.cartcom.sandbox.store;

import com.orderdesk.cartcom.sandbox.fault.FaultInjector;
import com.orderdesk.cartcom.sandbox.fault.HostileSettings;
import com.orderdesk.cartcom.sandbox.ratelimit.FixedWindowRateLimiter;
import com.orderdesk.cartcom.sandbox.webhook.StoreWebhooks;
import com.orderdesk.cartcom.sandbox.webhook.WebhookSender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** One fake Cart.com store: its tokens, settings, rate-limit window, faults, call log, records and webhooks. */
public final class SandboxStore {

    private final String domain;
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private volatile StoreSettings settings;
    private final FixedWindowRateLimiter rateLimiter;
    private final FaultInjector faults;
    private final CallLog callLog;
    private final StoreData data;
    private final AtomicReference<ListHook> listHook = new AtomicReference<>();
    private final AtomicReference<HostileSettings> hostile = new AtomicReference<>(HostileSettings.NONE);
    private final StoreWebhooks webhooks;

    public SandboxStore(String domain, StoreSettings settings, long defaultTimeoutMs, int callLogLimit, long firstOrderId,
                        WebhookSender webhookSender) {
        this.domain = domain;
        this.settings = settings;
        this.rateLimiter = new FixedWindowRateLimiter(settings.rateLimit(), Duration.ofSeconds(settings.windowSeconds()));
        this.faults = new FaultInjector(defaultTimeoutMs);
        this.callLog = new CallLog(callLogLimit);
        this.data = new StoreData(firstOrderId);
        this.webhooks = new StoreWebhooks(() -> this.settings.zone(), webhookSender);
        data.listen(webhooks);
    }

    public String domain() {
        return domain;
    }

    public StoreSettings settings() {
        return settings;
    }

    public synchronized void updateSettings(StoreSettings newSettings) {
        rateLimiter.reconfigure(newSettings.rateLimit(), Duration.ofSeconds(newSettings.windowSeconds()));
        settings = newSettings;
    }

    public boolean acceptsToken(String token) {
        return token != null && tokens.contains(token.trim());
    }

    public void addToken(String token) {
        tokens.add(token);
    }

    public boolean revokeToken(String token) {
        return tokens.remove(token);
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
    public AtomicReference<HostileSettings> hostile() {
        return hostile;
    }
}
