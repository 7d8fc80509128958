package com.orderdesk.cartcom.poller.client;

import java.util.Optional;

/** The URLs Cart.com calls: {@code <public base>/webhooks/cartcom/<secret>} (CONTRACTS.md, order-poller's receiver). */
public final class WebhookUrls {
    public static final String PATH = "/webhooks/cartcom/";

    private final String prefix;

    public WebhookUrls(String publicBaseUrl) {
        String base = publicBaseUrl.trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
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
}
