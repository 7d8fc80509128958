package com.orderdesk.cartcom.settings.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How this service reaches Cart.com and seals access tokens (keys of CONTRACTS.md "Operations"). */
@ConfigMapping(prefix = "cartcom")
public interface CartcomConfig {

    /** Where a store's API lives; {@code {domain}} is replaced by the store's domain. */
    @WithDefault("https://{domain}/api/v1")
    String baseUrlTemplate();

    /**
     * Permits a non-https or loopback template and skips the public-address check of a domain, so the sandbox
     * ({@code *.sandbox.test}) and tests work. Never true in production.
     */
    @WithDefault("false")
    boolean allowInsecureBaseUrl();

    /** AES-256 keys by id: {@code id1:base64,id2:base64}. No default: production must configure it. */
    String tokenKeys();

    /** The key id new tokens are sealed with. */
    String tokenKeyId();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("10s")
    Duration requestTimeout();

    /** How long a store's live order statuses are reused before Cart.com is asked again. */
    @WithDefault("60s")
    Duration orderStatusCacheTtl();
}
