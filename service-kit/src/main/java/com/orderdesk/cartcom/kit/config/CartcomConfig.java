package com.orderdesk.cartcom.kit.config;

import com.orderdesk.cartcom.kit.budget.BudgetTiming;
import com.orderdesk.cartcom.kit.cartcom.CartcomLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
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

    /** Each store's one call budget, shared by every service and instance (docs/architecture.md). */
    Budget budget();

    interface Budget {
        /**
         * Where the shared budget is kept: order-poller's addresses (each instance serves the same ledger, in its
         * database), tried in turn. Unset: order-poller keeps it in its database, any other service in its own memory.
         */
        Optional<List<String>> urls();

        /** The longest a call waits for its slot where it stands; a later slot fails the call without making it. */
        @WithDefault("PT12S")
        Duration waitInPlace();

        /** Cart.com's fixed call window. */
        @WithDefault("PT10S")
        Duration window();

        /** Added to the budget's window, for the time between a slot taken and its call arriving at Cart.com. */
        @WithDefault("PT0.5S")
        Duration margin();

        /** A store's limit until one of its answers states it ({@code X-AC-Call-Limit}): Bronze's. */
        @WithDefault("10")
        int assumedLimit();

        /** How long one request to the shared budget may take before this process falls back on its own. */
        @WithDefault("PT2S")
        Duration requestTimeout();

        /** How long a process keeps its own budget after the shared one could not be reached, before trying again. */
        @WithDefault("PT30S")
        Duration fallbackFor();

        default BudgetTiming timing() {
            return new BudgetTiming(window(), margin(), BudgetTiming.CARTCOM.stagger(), assumedLimit());
        }
    }

    /** How long a store's live order statuses are reused before Cart.com is asked again (settings-service). */
    @WithDefault("60s")
    Duration orderStatusCacheTtl();
}
