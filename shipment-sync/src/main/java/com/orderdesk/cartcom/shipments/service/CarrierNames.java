package com.orderdesk.cartcom.shipments.service;

import java.util.Locale;
import java.util.Map;

/**
 * Order Desk carrier codes as Cart.com names its shipping providers ({@code shipping_provider_name}, whose sample
 * value is "UPS"; a store lists its own under {@code /shipping_providers}). The usual spellings of the five carriers
 * a US or Canadian store ships with map to one name each; any other code goes as written, trimmed.
 */
final class CarrierNames {
    private static final Map<String, String> PROVIDERS = Map.ofEntries(
            Map.entry("ups", "UPS"), Map.entry("upsmi", "UPS"), Map.entry("ups_mail_innovations", "UPS"),
            Map.entry("fedex", "FedEx"), Map.entry("fed_ex", "FedEx"), Map.entry("fdx", "FedEx"),
            Map.entry("usps", "USPS"), Map.entry("stamps_com", "USPS"), Map.entry("endicia", "USPS"),
            Map.entry("us_postal_service", "USPS"), Map.entry("u_s_postal_service", "USPS"),
            Map.entry("united_states_postal_service", "USPS"),
            Map.entry("dhl", "DHL"), Map.entry("dhl_express", "DHL"), Map.entry("dhl_ecommerce", "DHL"),
            Map.entry("dhlexpress", "DHL"),
            Map.entry("canada_post", "Canada Post"), Map.entry("canadapost", "Canada Post"), Map.entry("cpc", "Canada Post"));

    private CarrierNames() {
    }

    /** Cart.com's provider name for an Order Desk carrier code; null stays null. */
    static String providerName(String carrierCode) {
        if (carrierCode == null || carrierCode.isBlank()) {
            return carrierCode;
        }
        String written = carrierCode.trim();
        String key = written.toLowerCase(Locale.ROOT).replaceAll("[\\s.-]+", "_");
        return PROVIDERS.getOrDefault(key, written);
    }
}
