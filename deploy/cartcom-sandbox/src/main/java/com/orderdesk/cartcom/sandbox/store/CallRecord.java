package com.orderdesk.cartcom.sandbox.store;

import java.time.Instant;

/** One Cart.com API call as the store saw it; fault names the injected misbehaviour, if any. */
public record CallRecord(Instant at, String method, String path, String query, int status, String fault) {
}
