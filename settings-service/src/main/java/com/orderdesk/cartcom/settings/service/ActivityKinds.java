package com.orderdesk.cartcom.settings.service;

/**
 * The ActivityRecorded kinds and counts keys this service reads to compute a store's status and import progress.
 * Other kinds are kept and listed as they are. (Candidates for common-model once every producer uses them.)
 */
public final class ActivityKinds {
    /** order-poller, once per poll: level info = success, warn/error = failed poll. */
    public static final String POLL = "poll";
    /** order-importer, once per imported order (importId set when part of a manual import). */
    public static final String ORDER_IMPORTED = "order_imported";
    /** order-importer: an order already imported (manual-import dedupe). */
    public static final String ORDER_SKIPPED = "order_skipped";
    /** order-importer or poller: an order that could not be imported. */
    public static final String ORDER_FAILED = "order_failed";
    /** order-poller: a manual import's sweep started / completed / failed (importId set). */
    public static final String IMPORT_STARTED = "import_started";
    public static final String IMPORT_COMPLETED = "import_completed";
    public static final String IMPORT_FAILED = "import_failed";

    /** Counts keys: gauges of the producer's backlog, the newest value wins. */
    public static final String COUNT_STATUS_UPDATES_PENDING = "statusUpdatesPending";
    public static final String COUNT_SHIPMENTS_PENDING = "shipmentsPending";
    /** Counts keys on manual-import activity: running totals, the highest value seen wins. */
    public static final String COUNT_ORDERS_FOUND = "ordersFound";
    public static final String COUNT_ORDERS_IMPORTED = "ordersImported";
    public static final String COUNT_ORDERS_SKIPPED = "ordersSkipped";
    public static final String COUNT_ORDERS_FAILED = "ordersFailed";

    private ActivityKinds() {
    }
}
