package com.orderdesk.cartcom.sandbox.control;

/** Body of PUT /_sandbox/stores/{domain}/orders/{id}/status. */
public record StatusChangeRequest(Long orderStatusId) {
}
