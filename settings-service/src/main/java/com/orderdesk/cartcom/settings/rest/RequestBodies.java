package com.orderdesk.cartcom.settings.rest;

import com.orderdesk.cartcom.kit.rest.ApiException;

/**
 * The rule every call with a JSON body shares: no body at all is a 400 that says what to send. Bean Validation lets a
 * missing body through ({@code @Valid} checks only what is there), so each resource method asks here first.
 */
final class RequestBodies {

    /** @throws ApiException 400 with {@code whatToSend} as its message when {@code body} is null */
    static void require(Object body, String whatToSend) {
        if (body == null) {
            throw ApiException.badRequest(whatToSend);
        }
    }

    private RequestBodies() {
    }
}
