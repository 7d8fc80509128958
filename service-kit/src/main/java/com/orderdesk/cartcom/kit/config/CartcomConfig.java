package com.orderdesk.cartcom.kit.config;

import com.orderdesk.cartcom.kit.cartcom.CartcomLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How every service reaches Cart.com and opens the stores' sealed access tokens ({@code cartcom.*}, the keys of
 * CONTRACTS.md "Operations"). One mapping with one set of defaults; a service that needs another value (a shorter
 * timeout for a merchant waiting on a connection check) sets it in its application.properties.
 */
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

    /**
     * Whether a store's domain must resolve only to public addresses, at connect time and before every call. On
     * unless {@link #allowInsecureBaseUrl()} (the sandbox's domains do not resolve); a test that answers DNS itself
     * turns it on beside the sandbox. It cannot be switched off without the insecure base URL.
     */
    Optional<Boolean> checkStoreAddresses();

    default boolean storeAddressesChecked() {
        return checkStoreAddresses().orElse(!allowInsecureBaseUrl());
    }

    /** AES-256 keys by id: {@code id1:base64,id2:base64}. No default: a deployment without keys does not start. */
    String tokenKeys();

    /** The key id new tokens are sealed with. */
    String tokenKeyId();

    @WithDefault("5s")
    Duration connectTimeout();

    /** The longest one Cart.com call may take, answer body included: a store that hangs fails with a timeout. */
    @WithDefault("20s")
    Duration requestTimeout();

    /** The largest Cart.com answer body read (bytes); a larger one is cut off as it streams in and fails the call. */
    @WithDefault("8388608")
    long maxResponseBytes();

    /** The most pages one list call follows (order statuses, select_many); an endless next_page chain fails. */
    @WithDefault("100")
    int maxPagesPerList();

    /** The longest Retry-After honoured; a longer one (ten years, say) is shortened to it. */
    @WithDefault("PT1H")
    Duration maxRetryAfter();

    /** What a store's server may send back, as the client enforces it. */
    default CartcomLimits limits() {
        return new CartcomLimits(maxResponseBytes(), maxPagesPerList(), maxRetryAfter());
    }

    /**
     * The public https base under which Cart.com reaches order-poller's {@code /webhooks/cartcom/{secret}} (CONTRACTS.md);
     * unset: no webhooks, polling only.
     */
    Optional<String> publicWebhookBaseUrl();

    /** How long a store's live order statuses are reused before Cart.com is asked again (settings-service). */
    @WithDefault("60s")
    Duration orderStatusCacheTtl();
}
