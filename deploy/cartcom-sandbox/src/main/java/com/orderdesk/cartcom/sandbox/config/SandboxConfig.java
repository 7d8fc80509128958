package com.orderdesk.cartcom.sandbox.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Defaults applied to stores created without explicit settings. */
@ConfigMapping(prefix = "sandbox")
public interface SandboxConfig {

    /** Plan of a new store when the request names none: steel, bronze, silver or gold. */
    @WithDefault("silver")
    String defaultPlan();

    /** Length of the fixed rate-limit window; Cart.com documents 10 seconds. */
    @WithDefault("10")
    int windowSeconds();

    /** Offset (or zone id) used to render a new store's datetimes. */
    @WithDefault("-06:00")
    String defaultUtcOffset();

    /** How a 429 states Retry-After: seconds or http-date. */
    @WithDefault("seconds")
    String defaultRetryAfterFormat();

    /** How long an injected timeout hangs before answering, unless the store's faults say otherwise. */
    @WithDefault("30000")
    long defaultTimeoutMs();

    /** First order id of every store; Cart.com order ids are the numbers merchants see. */
    @WithDefault("100001")
    long firstOrderId();

    /** Suffix of generated domains: store-1.sandbox.test, store-2... */
    @WithDefault("sandbox.test")
    String generatedDomainSuffix();

    /** Entries kept per store in the call log; the oldest are dropped first. */
    @WithDefault("10000")
    int callLogLimit();

    /** Threads that call webhook subscribers; each waits at most 3 seconds for one subscriber. */
    @WithDefault("8")
    int webhookThreads();

    /** Webhook calls waiting (queued or delayed) at once, over all stores; past it a call is dropped_overflow. */
    @WithDefault("1000")
    int webhookQueueCapacity();

    /** With the reorder fault, how long a delivery waits for the store's next one before it is sent anyway. */
    @WithDefault("2000")
    long webhookReorderHoldMs();
}
