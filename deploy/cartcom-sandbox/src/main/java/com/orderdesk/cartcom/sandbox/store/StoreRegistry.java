package com.orderdesk.cartcom.sandbox.store;

import com.orderdesk.cartcom.sandbox.config.SandboxConfig;
import com.orderdesk.cartcom.sandbox.seed.DefaultOrderStatuses;
import com.orderdesk.cartcom.sandbox.webhook.WebhookSender;
import com.orderdesk.cartcom.sandbox.seed.DefaultShippingProviders;
import com.orderdesk.cartcom.sandbox.seed.RealWorldShape;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** All stores of this sandbox, by lower-case domain. */
@ApplicationScoped
public class StoreRegistry {

    private static final Pattern HOST_NAME =
            Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConcurrentMap<String, SandboxStore> stores = new ConcurrentHashMap<>();
    private final AtomicLong generatedDomains = new AtomicLong();
    private final SandboxConfig config;
    private final Clock clock;
    private final WebhookSender webhookSender;

    public StoreRegistry(SandboxConfig config, Clock clock, WebhookSender webhookSender) {
        this.config = config;
        this.clock = clock;
        this.webhookSender = webhookSender;
    }

    /** The sandbox's time: what every store's records are stamped with. */
    public Instant now() {
        return clock.instant();
    }

    public Optional<SandboxStore> find(String domain) {
        return domain == null ? Optional.empty() : Optional.ofNullable(stores.get(domain.toLowerCase(Locale.ROOT)));
    }

    /**
     * Creates a store with the nine default statuses and one token.
     *
     * @throws DomainTakenException when the domain already exists
     */
    public SandboxStore create(String requestedDomain, StoreSettings settings, String requestedToken) {
        String domain = requestedDomain == null ? nextGeneratedDomain() : requestedDomain.trim().toLowerCase(Locale.ROOT);
        if (!HOST_NAME.matcher(domain).matches()) {
            throw new IllegalArgumentException("domain must be a bare host name such as acme.sandbox.test");
        }
        SandboxStore store = new SandboxStore(domain, settings, config.defaultTimeoutMs(), config.callLogLimit(),
                config.firstOrderId(), webhookSender, clock.instant());
        store.addToken(requestedToken == null || requestedToken.isBlank() ? newToken() : requestedToken.trim());
        store.data().write(data -> {
            DefaultOrderStatuses.install(data, clock.instant());
            DefaultShippingProviders.install(data, settings.realWorld().contains(RealWorldShape.PROVIDER_NAMES),
                    clock.instant());
            return null;
        });
        if (stores.putIfAbsent(domain, store) != null) {
            throw new DomainTakenException(domain);
        }
        return store;
    }

    public java.util.List<SandboxStore> all() {
        return stores.values().stream().sorted(java.util.Comparator.comparing(SandboxStore::domain)).toList();
    }

    public void reset() {
        stores.values().forEach(SandboxStore::close);
        stores.clear();
        generatedDomains.set(0);
    }

    public static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private String nextGeneratedDomain() {
        // Skip numbers taken by explicitly named stores.
        String domain;
        do {
            domain = "store-" + generatedDomains.incrementAndGet() + "." + config.generatedDomainSuffix();
        } while (stores.containsKey(domain));
        return domain;
    }

    /** Thrown when a store with the requested domain already exists. */
    public static final class DomainTakenException extends RuntimeException {
        public DomainTakenException(String domain) {
            super("store " + domain + " already exists");
        }
    }
}
