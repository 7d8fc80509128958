package com.orderdesk.cartcom.poller.client;

import com.orderdesk.cartcom.kit.cartcom.CartcomEndpoints;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The URLs Cart.com calls: {@code <public base>/webhooks/cartcom/<secret>} (CONTRACTS.md, order-poller's receiver).
 * The secret in the path is what lets a webhook in, so the base must be https: over plain http anyone on the way could
 * read a store's address and post to it. Plain http is admitted only on this machine (a loopback host) with
 * {@code cartcom.allow-insecure-base-url}, as for the stores' API (the local sandbox calls it there).
 */
public final class WebhookUrls {
    public static final String PATH = "/webhooks/cartcom/";
    private static final String SETTING = "cartcom.public-webhook-base-url";

    private final String prefix;

    /** Throws IllegalArgumentException, naming the setting, for a base that is not a plain https URL. */
    public WebhookUrls(String publicBaseUrl, boolean allowInsecure) {
        String base = publicBaseUrl.trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        URI uri = parse(base);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(SETTING + " must be an absolute https URL with a host and no user, query "
                    + "or fragment, such as https://hooks.example.com; got " + publicBaseUrl);
        }
        if (scheme.equals("http") && !(allowInsecure && CartcomEndpoints.isLoopback(uri.getHost()))) {
            throw new IllegalArgumentException(SETTING + " must use https: the webhook secret travels in the URL (plain "
                    + "http only on a loopback host with cartcom.allow-insecure-base-url, for the local sandbox); got "
                    + publicBaseUrl);
        }
        this.prefix = base + PATH;
    }

    public String of(String secret) {
        return prefix + secret;
    }

    /** The secret of a URL of ours (under our base), or empty for anyone else's. */
    public Optional<String> secretOf(String url) {
        return url != null && url.startsWith(prefix) ? Optional.of(url.substring(prefix.length())) : Optional.empty();
    }

    private static URI parse(String base) {
        try {
            return new URI(base);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(SETTING + " is not a URL: " + e.getMessage(), e);
        }
    }
}
