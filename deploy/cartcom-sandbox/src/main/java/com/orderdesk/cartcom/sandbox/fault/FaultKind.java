package com.orderdesk.cartcom.sandbox.fault;

/** What happens to one Cart.com call. */
public enum FaultKind {
    NONE, SERVER_ERROR, RATE_LIMITED, TIMEOUT, MALFORMED
}
