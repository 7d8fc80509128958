package com.orderdesk.cartcom.sandbox.seed;

import com.orderdesk.cartcom.sandbox.store.StoreData;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shipping providers a store lists ({@code GET /shipping_providers}, fields of shipping_providers.md). A plain
 * store names them as the docs' sample does ("UPS"); live stores show their own spellings ("United Parcel Service",
 * "Fedex"), which {@link RealWorldShape#PROVIDER_NAMES} gives, so a client must map carriers by the store's list.
 */
public final class DefaultShippingProviders {

    private DefaultShippingProviders() {
    }

    /** Replaces the store's providers with the plain or the real-world list. Callers hold the write lock. */
    public static void install(StoreData data, boolean realWorldNames, Instant now) {
        data.shippingProviders.clear();
        add(data, 1, realWorldNames ? "United Parcel Service" : "UPS", "UPS", now);
        add(data, 2, realWorldNames ? "Fedex" : "FedEx", "FEDEX", now);
        add(data, 3, realWorldNames ? "U.S. Postal Service" : "USPS", "USPS", now);
        add(data, 4, realWorldNames ? "DHL Express" : "DHL", "DHL", now);
    }

    private static void add(StoreData data, long id, String name, String code, Instant at) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("name", name);
        p.put("provider_code", code);
        p.put("is_enabled", true);
        p.put("markup_amount", "0");
        p.put("markup_type", "%");
        p.put("updated_at", at);
        p.put("created_at", at);
        p.put("additional_markup_percent", 0);
        p.put("additional_weight_per_package", 0);
        data.shippingProviders.put(id, p);
    }
}
