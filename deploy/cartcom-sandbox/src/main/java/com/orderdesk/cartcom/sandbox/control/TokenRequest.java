package com.orderdesk.cartcom.sandbox.control;

import java.util.List;

/**
 * Body of POST /_sandbox/stores/{domain}/tokens, optional: {@code scopes} (see
 * {@link com.orderdesk.cartcom.sandbox.store.TokenScope}) limits the new token; without them it may do everything.
 */
public record TokenRequest(List<String> scopes) {
}
