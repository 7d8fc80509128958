package com.orderdesk.cartcom.sandbox.webhook;

import java.time.Instant;

/**
 * One row of a store's delivery log (GET /_sandbox/stores/{domain}/webhooks).
 *
 * @param status the subscriber's HTTP status, null when nothing answered or nothing was sent
 * @param error  null, or why no answer came: timeout, connection refused, ...
 * @param fault  null, dropped, delayed, duplicated, reordered or dropped_overflow
 */
public record DeliveryRecord(Instant at, String eventType, String url, long orderId, Integer status, String error,
                             String fault, long durationMs) {

    static DeliveryRecord unsent(Instant at, Delivery delivery, String fault) {
        return new DeliveryRecord(at, delivery.eventType(), delivery.url(), delivery.orderId(), null, null, fault, 0);
    }
}
