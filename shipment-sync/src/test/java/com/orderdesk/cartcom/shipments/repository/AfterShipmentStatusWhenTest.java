package com.orderdesk.cartcom.shipments.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AfterShipmentStatusWhenTest {

    @Test
    void readsTheStoresChoiceFromTheRawSnapshot() {
        assertEquals(AfterShipmentStatusWhen.fully_shipped,
                AfterShipmentStatusWhen.fromSnapshot("{\"storeId\":1,\"afterShipmentStatusWhen\":\"fully_shipped\"}"));
        assertEquals(AfterShipmentStatusWhen.each_shipment,
                AfterShipmentStatusWhen.fromSnapshot("{\"storeId\":1,\"afterShipmentStatusWhen\":\"each_shipment\"}"));
    }

    @Test
    void withoutAKnownChoiceTheStatusFollowsEachShipment() {
        assertEquals(AfterShipmentStatusWhen.each_shipment, AfterShipmentStatusWhen.fromSnapshot("{\"storeId\":1}"));
        assertEquals(AfterShipmentStatusWhen.each_shipment,
                AfterShipmentStatusWhen.fromSnapshot("{\"afterShipmentStatusWhen\":null}"));
        assertEquals(AfterShipmentStatusWhen.each_shipment,
                AfterShipmentStatusWhen.fromSnapshot("{\"afterShipmentStatusWhen\":\"when_the_moon_is_full\"}"));
    }
}
