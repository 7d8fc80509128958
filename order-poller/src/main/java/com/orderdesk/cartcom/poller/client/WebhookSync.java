package com.orderdesk.cartcom.poller.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.cartcom.kit.cartcom.CartcomException;
import com.orderdesk.cartcom.kit.cartcom.CartcomStoreApi;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Makes one store's webhook subscriptions at Cart.com what they should be, reading them first, so a retry or a second
 * instance never adds a double: ours (under our public base URL) for {@code NewOrder} and {@code OrderStatusChanged}
 * at the store's URL, one each; ours at an older secret of this store, or doubled, removed. Anyone else's are never
 * touched, nor a URL of ours that another store of ours holds (the same Cart.com store connected twice).
 */
public final class WebhookSync {
    /** A new order of any status (NewValidOrder would miss one placed in a status later changed to a downloaded one). */
    public static final List<String> EVENTS = List.of("NewOrder", "OrderStatusChanged");

    private final CartcomStoreApi api;
    private final WebhookUrls urls;
    /** Whether a secret (from a URL of ours) belongs to another store that still wants it. */
    private final Predicate<String> heldByAnotherStore;

    public WebhookSync(CartcomStoreApi api, WebhookUrls urls, Predicate<String> heldByAnotherStore) {
        this.api = api;
        this.urls = urls;
        this.heldByAnotherStore = heldByAnotherStore;
    }

    /** Ours at {@code url} for each event, exactly once. */
    public void subscribe(String url) {
        Set<String> kept = new HashSet<>();
        for (ObjectNode hook : api.webhooks()) {
            String hookUrl = hook.path("url").asText("");
            Optional<String> secret = urls.secretOf(hookUrl);
            if (secret.isEmpty()) {
                continue;
            }
            String event = hook.path("event_type").asText("");
            boolean current = hookUrl.equals(url) && EVENTS.contains(event) && kept.add(event);
            if (!current && (hookUrl.equals(url) || !heldByAnotherStore.test(secret.get()))) {
                delete(hook);
            }
        }
        for (String event : EVENTS) {
            if (!kept.contains(event)) {
                api.subscribeWebhook(event, url);
            }
        }
    }

    /** None of ours at {@code url} left. */
    public void unsubscribe(String url) {
        for (ObjectNode hook : api.webhooks()) {
            if (hook.path("url").asText("").equals(url)) {
                delete(hook);
            }
        }
    }

    private void delete(ObjectNode hook) {
        long id = hook.path("id").asLong(0);
        if (id <= 0) {
            return;
        }
        try {
            api.deleteWebhook(id);
        } catch (CartcomException e) {
            if (e.kind() != CartcomException.Kind.NOT_FOUND) {
                throw e;
            }
        }
    }
}
