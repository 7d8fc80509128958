package com.orderdesk.cartcom.shipments.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
