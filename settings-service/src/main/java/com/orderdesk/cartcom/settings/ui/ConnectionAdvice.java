package com.orderdesk.cartcom.settings.ui;

import com.orderdesk.cartcom.settings.service.CartcomFailures;
import java.util.Map;

/**
 * Every way a Cart.com connection can fail (the API's error codes, CartcomFailures and DomainValidator) in the words
 * of a merchant who does not know HTTP, with what to do next. The API's own message, which names the domain and the
 * detail, is shown beside it.
 */
final class ConnectionAdvice {
    record Advice(String meaning, String whatToDo) {
    }

    private static final Map<String, Advice> BY_CODE = Map.of(
            "invalid_domain", new Advice(
                    "The domain cannot be used as a Cart.com store address.",
                    "Enter only your store's domain as it appears in your browser's address bar, such as mystore.com: "
                            + "no https://, no path, no port, not an IP address. For your safety Order Desk only "
                            + "connects to domains that point to the public internet, never to private or local "
                            + "addresses."),
            CartcomFailures.TOKEN_REJECTED, new Advice(
                    "Cart.com did not accept the access token.",
                    "Copy the access token again from your Cart.com admin and paste it without spaces. Check that it "
                            + "has not been revoked and that it is allowed to read and update orders and order statuses "
                            + "(a token without those permissions is refused too). Order Desk cannot find or reset "
                            + "your credentials: only Cart.com can provide them."),
            CartcomFailures.SCOPE_MISSING, new Advice(
                    "The access token works, but Cart.com does not let it read everything Order Desk reads.",
                    "In your Cart.com admin create a new access token with the scopes named below (read_orders, "
                            + "read_people, and orders so that Order Desk can update order statuses and add "
                            + "shipments), then connect with it."),
            CartcomFailures.UNREACHABLE, new Advice(
                    "Your store could not be reached, or it answered with a server error.",
                    "Check that the domain is spelled correctly and that your store is online. If it is, Cart.com may "
                            + "be having trouble: try again in a few minutes."),
            CartcomFailures.RATE_LIMITED, new Advice(
                    "Cart.com refused the call because your store's API limit was used up.",
                    "The integration does not work reliably on the Cart.com Storefront Bronze plan. Upgrade to Silver "
                            + "or higher, then connect again."),
            CartcomFailures.UNEXPECTED_RESPONSE, new Advice(
                    "Something answered at that domain, but not a Cart.com Storefront store.",
                    "Check that this is the domain of your Cart.com Storefront store (formerly AmeriCommerce) and not "
                            + "another website of yours."),
            CartcomFailures.DOMAIN_REDIRECTS, new Advice(
                    "Your store sends its API on to another domain.",
                    "Connect the domain named below instead (often the www. form of your domain)."),
            "not_connected", new Advice(
                    "The store is not connected to Cart.com.",
                    "Connect it first with its domain and access token."));

    /** The advice for an API error code, or null for a code that is not about the connection. */
    static Advice of(String code) {
        return BY_CODE.get(code);
    }

    private ConnectionAdvice() {
    }
}
