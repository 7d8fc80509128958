package com.orderdesk.cartcom.model.events;

/**
 * The vocabulary of {@link ActivityRecorded}: the kinds each service reports and the keys of {@code counts}.
 * settings-service computes a store's status and import progress from these, so producers and that consumer
 * must use the same words: here, once.
 */
public final class ActivityKinds {
    /** order-poller, once per successful poll; counts {@link #COUNT_ORDERS_FOUND}. */
    public static final String POLL = "poll";
    /** order-poller, a poll that failed (level error): the store's last error. */
    public static final String POLL_FAILED = "poll_failed";

    /** order-poller: a manual import's sweep is under way (importId set), with running counts. */
    public static final String IMPORT_PROGRESS = "import_progress";
    public static final String IMPORT_COMPLETED = "import_completed";
    public static final String IMPORT_FAILED = "import_failed";

    /** order-importer, once per imported order (importId set when part of a manual import). */
    public static final String ORDER_IMPORTED = "order_imported";
    /** order-importer: an order already imported (manual-import dedupe). */
    public static final String ORDER_SKIPPED = "order_skipped";
    /** order-importer or poller: an order that could not be imported. */
    public static final String ORDER_FAILED = "order_failed";
    /**
     * order-poller (level warn, with cartOrderId): an order Cart.com has not given whole (an address or the customer
     * not found, items missing) after several attempts; it is held, not imported, and still retried.
     */
    public static final String ORDER_INCOMPLETE = "order_incomplete";
    /** order-importer: the after-import status could not be set at Cart.com. */
    public static final String STATUS_UPDATE_FAILED = "status_update_failed";

    /** shipment-sync: a shipment reached Cart.com. */
    public static final String SHIPMENT_SYNCED = "shipment_synced";
    /** shipment-sync: not sent because the store does not sync tracking numbers (or is not connected). */
    public static final String SHIPMENT_SKIPPED = "shipment_skipped";
    public static final String SHIPMENT_SYNC_FAILED = "shipment_sync_failed";

    /** order-importer, when a store's backlog of after-import status updates changes; counts the gauge below. */
    public static final String STATUS_UPDATE_BACKLOG = "status_update_backlog";
    /** shipment-sync, when a store's backlog of shipments to send changes; counts the gauge below. */
    public static final String SHIPMENTS_PENDING = "shipments_pending";

    /**
     * Any service's outbox relay (level error): an event of the store that Kafka refused for a reason of its own (too
     * large, invalid topic, ...) was set aside and will not be sent; the message names the event type and the reason.
     */
    public static final String OUTBOX_EVENT_SET_ASIDE = "outbox_event_set_aside";

    /**
     * order-poller: the store's Cart.com webhook subscription changed state, one kind per state (the text after the
     * prefix); settings-service shows the newest in the store's status. On: Cart.com calls the integration at once;
     * not allowed: the token lacks the scope (polling only); failing: subscribing failed and is retried (the message
     * says why); off: removed (disabled, disconnected).
     */
    public static final String WEBHOOKS_PREFIX = "webhooks_";
    public static final String WEBHOOKS_ON = WEBHOOKS_PREFIX + "on";
    public static final String WEBHOOKS_NOT_ALLOWED = WEBHOOKS_PREFIX + "not_allowed";
    public static final String WEBHOOKS_FAILING = WEBHOOKS_PREFIX + "failing";
    public static final String WEBHOOKS_OFF = WEBHOOKS_PREFIX + "off";

    /** Counts keys: gauges of the producer's backlog, the newest value wins. */
    public static final String COUNT_STATUS_UPDATES_PENDING = "statusUpdatesPending";
    public static final String COUNT_SHIPMENTS_PENDING = "shipmentsPending";
    /** Counts keys on poll and manual-import activity: running totals, the highest value seen wins. */
    public static final String COUNT_ORDERS_FOUND = "ordersFound";
    public static final String COUNT_ORDERS_IMPORTED = "ordersImported";
    public static final String COUNT_ORDERS_SKIPPED = "ordersSkipped";
    public static final String COUNT_ORDERS_FAILED = "ordersFailed";

    private ActivityKinds() {
    }
}
