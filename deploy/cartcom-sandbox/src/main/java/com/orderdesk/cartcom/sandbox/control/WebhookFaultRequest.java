package com.orderdesk.cartcom.sandbox.control;

/** Body of PUT /_sandbox/stores/{domain}/webhook-faults; a missing field is off (0, false). */
public record WebhookFaultRequest(Double dropRate, Long delayMs, Double duplicateRate, Boolean reorder, Long seed) {
}
