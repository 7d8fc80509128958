package com.orderdesk.cartcom.kit.cartcom;

import java.net.URI;

/**
 * Where a store's API lives: {@code cartcom.base-url-template} with {@code {domain}} replaced. Only
 * {@code https} templates are allowed unless {@code cartcom.allow-insecure-base-url} is set, which only the
 * sandbox and tests do.
 */
public final class CartcomEndpoints {
    public static final String DEFAULT_TEMPLATE = "https://{domain}/api/v1";
    private static final String PLACEHOLDER = "{domain}";

    private final String template;
    private final boolean publicAddressesOnly;

    public CartcomEndpoints(String template, boolean allowInsecure) {
        if (template == null || !template.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("cartcom.base-url-template must contain " + PLACEHOLDER);
        }
        if (!allowInsecure && !template.startsWith("https://")) {
            throw new IllegalArgumentException(
                    "cartcom.base-url-template must use https unless cartcom.allow-insecure-base-url is true");
        }
        this.template = template.endsWith("/") ? template.substring(0, template.length() - 1) : template;
        this.publicAddressesOnly = !allowInsecure;
    }

    /** Every call checks that the store's host resolves to public addresses only; off for the sandbox and tests. */
    public boolean publicAddressesOnly() {
        return publicAddressesOnly;
    }

    /** The API root of the store, without a trailing slash. */
    public URI baseUri(String domain) {
        return URI.create(template.replace(PLACEHOLDER, domain));
    }

    public URI resolve(String domain, String pathAndQuery) {
        return URI.create(baseUri(domain) + (pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery));
    }
}
