package com.orderdesk.cartcom.settings.support;

import com.orderdesk.cartcom.kit.cartcom.CartcomLimits;
import com.orderdesk.cartcom.kit.config.CartcomConfig;
import java.time.Duration;
import java.util.Optional;

/** A CartcomConfig with fixed values, for unit tests of the classes that read it. */
public record StaticCartcomConfig(String baseUrlTemplate, boolean allowInsecureBaseUrl) implements CartcomConfig {

    /** What production runs with: the https template and no insecure base URL. */
    public static StaticCartcomConfig production() {
        return new StaticCartcomConfig("https://{domain}/api/v1", false);
    }

    @Override
    public Optional<Boolean> checkStoreAddresses() {
        return Optional.empty();
    }

    @Override
    public Optional<String> publicWebhookBaseUrl() {
        return Optional.empty();
    }

    @Override
    public String tokenKeys() {
        return "";
    }

    @Override
    public String tokenKeyId() {
        return "";
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(1);
    }

    @Override
    public Duration requestTimeout() {
        return Duration.ofSeconds(1);
    }

    @Override
    public Duration orderStatusCacheTtl() {
        return Duration.ofSeconds(60);
    }

    @Override
    public long maxResponseBytes() {
        return CartcomLimits.DEFAULTS.maxResponseBytes();
    }

    @Override
    public int maxPagesPerList() {
        return CartcomLimits.DEFAULTS.maxPagesPerList();
    }

    @Override
    public Budget budget() {
        throw new UnsupportedOperationException("no call budget in these unit tests");
    }

    @Override
    public Duration maxRetryAfter() {
        return CartcomLimits.DEFAULTS.maxRetryAfter();
    }
}
