package com.orderdesk.cartcom.importer.service;

import java.util.Map;

/** A shipment request that cannot be recorded; {@link #fields()} says what is wrong with each field. */
public class InvalidShipmentException extends RuntimeException {
    private final Map<String, String> fields;

    public InvalidShipmentException(Map<String, String> fields) {
        super("invalid shipment: " + fields);
        this.fields = Map.copyOf(fields);
    }

    public Map<String, String> fields() {
        return fields;
    }
}
