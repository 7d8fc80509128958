package com.orderdesk.cartcom.shipments.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented table (shipment-sync README): Order Desk carrier codes to Cart.com provider names. */
class CarrierNamesTest {

    @Test
    void theFiveCarriersMapWhateverTheirSpelling() {
        assertEquals("UPS", CarrierNames.providerName("ups"));
        assertEquals("UPS", CarrierNames.providerName("UPS"));
        assertEquals("FedEx", CarrierNames.providerName("FEDEX"));
        assertEquals("FedEx", CarrierNames.providerName("Fed Ex"));
        assertEquals("USPS", CarrierNames.providerName("stamps_com"));
        assertEquals("USPS", CarrierNames.providerName("U.S. Postal Service"));
        assertEquals("DHL", CarrierNames.providerName("dhl_express"));
        assertEquals("DHL", CarrierNames.providerName("DHL eCommerce"));
        assertEquals("Canada Post", CarrierNames.providerName("canada_post"));
        assertEquals("Canada Post", CarrierNames.providerName("Canada Post"));
    }

    @Test
    void anyOtherCodeGoesAsWritten() {
        assertEquals("OnTrac", CarrierNames.providerName(" OnTrac "));
        assertEquals("Local courier", CarrierNames.providerName("Local courier"));
        assertNull(CarrierNames.providerName(null));
    }

    /** A store's own list (/shipping_providers) wins where it has the carrier, matched by name or code. */
    @Test
    void theStoresOwnSpellingWinsWhereItsListHasTheCarrier() {
        List<StoreProvider> store = List.of(new StoreProvider("United Parcel Service", "UPS", true),
                new StoreProvider("Fedex", "FEDEX", true), new StoreProvider("Old USPS account", "USPS", false),
                new StoreProvider("U.S. Postal Service", "USPS", true));
        assertEquals("United Parcel Service", CarrierNames.providerName("ups", store));
        assertEquals("Fedex", CarrierNames.providerName("fed_ex", store));
        assertEquals("U.S. Postal Service", CarrierNames.providerName("stamps_com", store), "an enabled one first");
        assertEquals("Canada Post", CarrierNames.providerName("canada_post", store), "not listed: the table's name");
        assertEquals("OnTrac", CarrierNames.providerName("OnTrac", store), "unknown to the table: as written");
        assertEquals("UPS", CarrierNames.providerName("UPS", List.of()), "no list: the table's name");
    }
}
