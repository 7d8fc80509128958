package com.orderdesk.cartcom.shipments.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.model.json.Json;
import java.io.IOException;
import java.util.Arrays;
import org.jboss.logging.Logger;

/**
 * When "After Shipment, Set Status" is applied to a Cart.com order. The store's choice arrives as the snapshot
 * field {@value #SNAPSHOT_FIELD}; a snapshot without it (every snapshot until settings-service offers the choice)
 * means {@link #each_shipment}.
 */
public enum AfterShipmentStatusWhen {
    /** After every shipment that reaches Cart.com, partial ones included (the default). */
    each_shipment,
    /** Only once the shipments sent so far cover every Cart.com item of the order in its ordered quantity. */
    fully_shipped;

    public static final String SNAPSHOT_FIELD = "afterShipmentStatusWhen";
    private static final Logger LOG = Logger.getLogger(AfterShipmentStatusWhen.class);

    /** The store's choice in a raw snapshot record; absent, null or unknown values mean the default. */
    public static AfterShipmentStatusWhen fromSnapshot(String json) {
        JsonNode value;
        try {
            value = Json.mapper().readTree(json).path(SNAPSHOT_FIELD);
        } catch (IOException e) {
            return each_shipment; // the codec has already accepted this record; never reached in practice
        }
        if (!value.isTextual()) {
            return each_shipment;
        }
        return Arrays.stream(values()).filter(v -> v.name().equals(value.asText())).findFirst().orElseGet(() -> {
            // A newer settings-service may know more choices: keep the documented default rather than dead-letter.
            LOG.warnf("unknown %s '%s': applying the status after each shipment", SNAPSHOT_FIELD, value.asText());
            return each_shipment;
        });
    }
}
