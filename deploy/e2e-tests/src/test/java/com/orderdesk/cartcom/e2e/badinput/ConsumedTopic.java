package com.orderdesk.cartcom.e2e.badinput;

import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.ManualImportRequested;
import com.orderdesk.cartcom.model.events.OrderImported;
import com.orderdesk.cartcom.model.events.PollRequested;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.events.Topics;

/**
 * Every topic of CONTRACTS.md that some service consumes, with what makes its records bad: its event type and a
 * payload field the codec requires (common-model EventCodec). Which services consume each is read from their
 * configuration ({@link ServiceConsumers}), so a new consumer is noticed.
 */
enum ConsumedTopic {
    STORE_SETTINGS(Topics.STORE_SETTINGS, StoreIntegrationChanged.TYPE, "version"),
    IMPORT_REQUESTS(Topics.IMPORT_REQUESTS, ManualImportRequested.TYPE, "importId"),
    ORDERS_RAW(Topics.ORDERS_RAW, CartOrderFetched.TYPE, "cartOrderId"),
    ORDERS_IMPORTED(Topics.ORDERS_IMPORTED, OrderImported.TYPE, "orderId"),
    SHIPMENTS_CREATED(Topics.SHIPMENTS_CREATED, ShipmentCreated.TYPE, "trackingNumber"),
    INTEGRATION_ACTIVITY(Topics.INTEGRATION_ACTIVITY, ActivityRecorded.TYPE, "message"),
    /** Written by the poller's webhook receiver when the sandbox calls it (a new order, a status change). */
    POLL_REQUESTS(Topics.POLL_REQUESTS, PollRequested.TYPE, "reason");

    final String topic;
    final String eventType;
    final String requiredField;

    ConsumedTopic(String topic, String eventType, String requiredField) {
        this.topic = topic;
        this.eventType = eventType;
        this.requiredField = requiredField;
    }

    /** A null value is a tombstone (store deleted) only on the compacted snapshot topic. */
    boolean allowsTombstones() {
        return Topics.COMPACTED.contains(topic);
    }
}
