package com.orderdesk.cartcom.sandbox.webhook;

/**
 * How a store's webhook deliveries misbehave, on request (PUT /_sandbox/stores/{domain}/webhook-faults).
 *
 * @param dropRate      share (0..1) of deliveries never sent
 * @param delayMs       every delivery is sent this much later
 * @param duplicateRate share (0..1) of deliveries sent twice
 * @param reorder       each delivery waits until the store's next one has been sent
 * @param seed          makes the drop and duplicate draws repeat
 */
public record WebhookFaultSettings(double dropRate, long delayMs, double duplicateRate, boolean reorder, Long seed) {

    public static final WebhookFaultSettings NONE = new WebhookFaultSettings(0, 0, 0, false, null);

    public WebhookFaultSettings {
        if (dropRate < 0 || dropRate > 1 || duplicateRate < 0 || duplicateRate > 1) {
            throw new IllegalArgumentException("drop_rate and duplicate_rate are shares between 0 and 1");
        }
        if (delayMs < 0) {
            throw new IllegalArgumentException("delay_ms must not be negative");
        }
    }
}
