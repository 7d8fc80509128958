package com.orderdesk.cartcom.sandbox.webhook;

/**
 * One call a subscription makes for one event: the body is rendered when the event happens, so a later change
 * to the order does not leak into it.
 *
 * @param fallbackUrl called after a failure when the subscription's failure_type is Fallback, else null
 * @param fault       what the store's webhook faults did to this call (null, delayed, duplicated, reordered)
 */
record Delivery(String eventType, String url, String fallbackUrl, long orderId, String body, String fault) {

    Delivery withFault(String newFault) {
        return new Delivery(eventType, url, fallbackUrl, orderId, body, newFault);
    }
}
