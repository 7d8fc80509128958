package com.orderdesk.cartcom.poller.repository;

/**
 * A store's Cart.com webhook subscription as the poller keeps it: the sealed secret of its URL, whether the store
 * should be subscribed ({@code wanted}) or unsubscribed, where that stands, and the sealed credentials to do it with.
 */
public record WebhookSubscription(long storeId, String sealedSecret, String secretKeyId, boolean wanted, String state,
                                  int attempts, String domain, String sealedToken, String tokenKeyId) {
    public static final String PENDING = "pending";
    public static final String ACTIVE = "active";
    /** The token may not manage webhooks (Cart.com's "Perform system tasks" scope): polling only. */
    public static final String NOT_ALLOWED = "not_allowed";
    public static final String FAILING = "failing";
    public static final String REMOVED = "removed";
}
