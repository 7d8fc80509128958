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
    /**
     * Fields the API shows other than as stored (real-world odd dates): filters and sorts read the stored value,
     * as a live store's SQL holds a real datetime behind the text its API writes.
     */
    public final Map<String, OddDate> shownAs = new LinkedHashMap<>();
    /** Real-world {@code expand_ignored}: list pages show this order without items; by id it has them. */
    public boolean itemsNotListed;

    public long id() {
        return ((Number) fields.get("id")).longValue();
    }
}
