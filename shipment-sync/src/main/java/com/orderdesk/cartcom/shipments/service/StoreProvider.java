package com.orderdesk.cartcom.shipments.service;

import com.fasterxml.jackson.databind.JsonNode;

/** One row of a store's {@code /shipping_providers}: what the carrier mapping needs of it. */
record StoreProvider(String name, String providerCode, boolean enabled) {

    /** A row without a name is of no use to the mapping: null. */
    static StoreProvider of(JsonNode row) {
        String name = row.path("name").asText("").trim();
        return name.isEmpty() ? null
                : new StoreProvider(name, row.path("provider_code").asText(""), row.path("is_enabled").asBoolean(true));
    }
}
