package com.orderdesk.cartcom.shipments.service;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Order Desk carrier codes as Cart.com names its shipping providers ({@code shipping_provider_name}, whose sample
 * value is "UPS"; a store lists its own under {@code /shipping_providers}). The usual spellings of the five carriers
 * a US or Canadian store ships with map to one name each, or to the store's own spelling of it where its list has
 * one ({@link StoreShippingProviders}); any other code goes as written, trimmed.
 */
final class CarrierNames {
    private static final Map<String, String> PROVIDERS = Map.ofEntries(
            Map.entry("ups", "UPS"), Map.entry("upsmi", "UPS"), Map.entry("ups_mail_innovations", "UPS"),
            Map.entry("united_parcel_service", "UPS"),
            Map.entry("fedex", "FedEx"), Map.entry("fed_ex", "FedEx"), Map.entry("fdx", "FedEx"),
            Map.entry("usps", "USPS"), Map.entry("stamps_com", "USPS"), Map.entry("endicia", "USPS"),
            Map.entry("us_postal_service", "USPS"), Map.entry("u_s_postal_service", "USPS"),
            Map.entry("united_states_postal_service", "USPS"),
            Map.entry("dhl", "DHL"), Map.entry("dhl_express", "DHL"), Map.entry("dhl_ecommerce", "DHL"),
            Map.entry("dhlexpress", "DHL"),
            Map.entry("canada_post", "Canada Post"), Map.entry("canadapost", "Canada Post"), Map.entry("cpc", "Canada Post"));

    private CarrierNames() {
    }

    /** Cart.com's provider name for an Order Desk carrier code by the table alone; null stays null. */
    static String providerName(String carrierCode) {
        if (carrierCode == null || carrierCode.isBlank()) {
            return carrierCode;
        }
        return tableName(carrierCode).orElse(carrierCode.trim());
    }

    /**
     * The store's own name for the carrier when its {@code /shipping_providers} list has one matching it (its name or
     * provider code an alias of the same carrier; an enabled one first), else the table's; others as written.
     */
    static String providerName(String carrierCode, List<StoreProvider> storeProviders) {
        Optional<String> carrier = tableName(carrierCode);
        if (carrier.isEmpty()) {
            return providerName(carrierCode);
        }
        return storeProviders.stream()
                .filter(p -> carrier.equals(tableName(p.name())) || carrier.equals(tableName(p.providerCode())))
                .min(Comparator.comparing(p -> !p.enabled()))
                .map(StoreProvider::name)
                .orElse(carrier.get());
    }

    /** Whether the table knows the code: only then can the store's list change what is sent. */
    static boolean known(String carrierCode) {
        return tableName(carrierCode).isPresent();
    }

    private static Optional<String> tableName(String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(PROVIDERS.get(written.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s.-]+", "_")));
    }
}
