package com.orderdesk.cartcom.sandbox.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order and its nested collections. Field maps hold raw values (Instant for datetimes, BigDecimal for
 * money) so queries compare typed values; rendering turns them into Cart.com JSON.
 */
public final class StoredOrder {

    public final Map<String, Object> fields = new LinkedHashMap<>();
    public final List<Map<String, Object>> items = new ArrayList<>();
    public final List<Map<String, Object>> payments = new ArrayList<>();
    public final List<Map<String, Object>> customFields = new ArrayList<>();
    /** Shipments live in the store's shipment table; the order keeps their ids in creation order. */
    public final List<Long> shipmentIds = new ArrayList<>();

    public long id() {
        return ((Number) fields.get("id")).longValue();
    }
}
