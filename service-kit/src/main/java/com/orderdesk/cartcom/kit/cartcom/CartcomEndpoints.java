package com.orderdesk.cartcom.kit.cartcom;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a store's API lives: {@code cartcom.base-url-template} with {@code {domain}} replaced. Only
 * {@code https} templates are allowed unless {@code cartcom.allow-insecure-base-url} is set, which only the
 * sandbox and tests do, and which admits a plain-http API only on this machine (a loopback host): a deployment
 * that sets it by mistake cannot send tokens in clear text across a network (and the prod profile refuses it at
 * start-up, {@code InsecureBaseUrlGuard}).
 */
public final class CartcomEndpoints {
    public static final String DEFAULT_TEMPLATE = "https://{domain}/api/v1";
    private static final String PLACEHOLDER = "{domain}";

    private final String template;
    private final boolean publicAddressesOnly;

    public CartcomEndpoints(String template, boolean allowInsecure) {
        this(template, allowInsecure, !allowInsecure);
    }

    /** {@code checkStoreAddresses}: see {@link #publicAddressesOnly()}; only the insecure sandbox set-up may skip it. */
    public CartcomEndpoints(String template, boolean allowInsecure, boolean checkStoreAddresses) {
        if (template == null || !template.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("cartcom.base-url-template must contain " + PLACEHOLDER);
        }
        if (!allowInsecure && !template.startsWith("https://")) {
            throw new IllegalArgumentException(
                    "cartcom.base-url-template must use https unless cartcom.allow-insecure-base-url is true");
        }
        this.template = template.endsWith("/") ? template.substring(0, template.length() - 1) : template;
        if (!allowInsecure && !checkStoreAddresses) {
            throw new IllegalArgumentException(
                    "cartcom.check-store-addresses can be false only with cartcom.allow-insecure-base-url");
        }
        this.publicAddressesOnly = checkStoreAddresses;
        URI example = URI.create(this.template.replace(PLACEHOLDER, "store.example"));
        if (!template.startsWith("https://") && !template.startsWith("http://" + PLACEHOLDER) && !isLoopback(example.getHost())) {
            throw new IllegalArgumentException("cartcom.allow-insecure-base-url admits plain http only on a loopback "
                    + "host (the local sandbox), not " + example.getHost());
        }
    }

    /**
     * Every call checks that the store's domain resolves to public addresses only; off for the sandbox and tests
     * unless a test turns it on ({@code cartcom.check-store-addresses}) with DNS answers of its own.
     */
    public boolean publicAddressesOnly() {
        return publicAddressesOnly;
    }

    /** The API root of the store, without a trailing slash. */
    public URI baseUri(String domain) {
        URI base = URI.create(template.replace(PLACEHOLDER, domain));
        if (!"https".equals(base.getScheme()) && !isLoopback(base.getHost())) {
            throw new IllegalArgumentException("plain http only to a loopback host, not " + base.getHost());
        }
        return base;
    }

    /** localhost or a loopback address literal; no other name is looked up. */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean literal = host.matches("[0-9.]+") || host.startsWith("[") || host.contains(":");
        try {
            return literal && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The store domain a URL names, read where this template puts the domain (so that a redirect through the sandbox's
     * {@code http://localhost:8089/{domain}/api/v1} names the store, not localhost); a URL of another shape names its
     * host, as a live store's redirect ({@code https://www.example.com/api/v1/...}) does. Empty when neither is a
     * plain host name.
     */
    public Optional<String> domainIn(URI url) {
        String text = url.toString();
        int at = template.indexOf(PLACEHOLDER);
        String prefix = template.substring(0, at);
        String candidate = url.getHost();
        if (text.regionMatches(true, 0, prefix, 0, prefix.length())) {
            String rest = text.substring(prefix.length());
            int end = 0;
            while (end < rest.length() && "/:?#".indexOf(rest.charAt(end)) < 0) {
                end++;
            }
            candidate = rest.substring(0, end);
        }
        return candidate != null && candidate.length() <= 253 && candidate.matches("[A-Za-z0-9.-]+")
                ? Optional.of(candidate.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    public URI resolve(String domain, String pathAndQuery) {
        return URI.create(baseUri(domain) + (pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery));
    }
}
