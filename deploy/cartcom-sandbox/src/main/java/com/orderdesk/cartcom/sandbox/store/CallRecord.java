package com.orderdesk.cartcom.sandbox.store;

import java.time.Instant;

/**
 * One Cart.com API call as the store saw it; fault names the injected misbehaviour, if any; cacheControl is the
 * request's Cache-Control header (null when absent), so clients can be checked for asking fresh data.
 */
public record CallRecord(Instant at, String method, String path, String query, int status, String fault, String cacheControl) {
}
