package com.orderdesk.cartcom.shipments.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** How the worker sends shipments to Cart.com: pace, leases and retry policy. */
@ConfigMapping(prefix = "shipment-sync")
public interface ShipmentSyncConfig {

    /** How often the worker looks for due shipments (a Quarkus scheduler expression such as {@code 5s}). */
    @WithDefault("5s")
    String workerInterval();

    /** How often shipments waiting too long for their order are retired. */
    @WithDefault("1h")
    String expirySweepInterval();

    /** How often each store's number of pending shipments is compared with the last reported one. */
    @WithDefault("30s")
    String pendingGaugeInterval();

    /** Shipments claimed per worker run. */
    @WithDefault("20")
    int batchSize();

    /**
     * Stores whose shipments are sent at once (a store's own one after another): enough to spend many stores' call
     * budgets in the same window while one store waits on a slow answer.
     */
    @WithDefault("8")
    @Min(1)
    int concurrency();

    /** How long a claimed shipment stays invisible to other workers; after a crash it becomes due again. */
    @WithDefault("PT2M")
    Duration lease();

    /** Attempts (retryable failures included) before a shipment is marked failed. */
    @WithDefault("12")
    int maxAttempts();

    Backoff backoff();

    /** How long a shipment waits for the OrderImported event of its order before it is quietly skipped. */
    @WithDefault("P14D")
    Duration orderWaitExpiry();

    ShippingProviders shippingProviders();

    /** Each store's own carrier names ({@code /shipping_providers}), read once per lifetime and never in a shipment's way. */
    interface ShippingProviders {
        /** How long a store's list (or the failure to read it) is kept before it is read again. */
        @WithDefault("PT1H")
        Duration lifetime();

        /** How long a shipment waits for its store's list being read; past it the table's name goes. */
        @WithDefault("PT1S")
        Duration maxWait();
    }

    interface Backoff {
        /** Wait after the first retryable failure; doubled per attempt, with jitter. */
        @WithDefault("PT30S")
        Duration initial();

        @WithDefault("PT1H")
        Duration max();
    }
}
