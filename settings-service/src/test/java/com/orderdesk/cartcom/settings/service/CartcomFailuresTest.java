package com.orderdesk.cartcom.settings.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.kit.cartcom.CartcomException;
import com.orderdesk.cartcom.kit.rest.ApiException;
import org.junit.jupiter.api.Test;

class CartcomFailuresTest {

    /** A bare domain whose API redirects to www.: the merchant is told which domain to connect. */
    @Test
    void aRedirectSuggestsTheDomainToConnect() {
        CartcomException redirected = new CartcomException(CartcomException.Kind.BAD_REQUEST, 301,
                "GET /api/v1/order_statuses answered 301", null, null, "www.acme.com");
        ApiException answer = CartcomFailures.forConnect(redirected, "acme.com");
        assertEquals(422, answer.status());
        assertEquals(CartcomFailures.DOMAIN_REDIRECTS, answer.code());
        assertTrue(answer.getMessage().contains("connect www.acme.com instead"), answer.getMessage());

        CartcomException plain = new CartcomException(CartcomException.Kind.BAD_REQUEST, 400, "answered 400", null, null);
        assertEquals(CartcomFailures.UNEXPECTED_RESPONSE, CartcomFailures.forConnect(plain, "acme.com").code());
    }
}
