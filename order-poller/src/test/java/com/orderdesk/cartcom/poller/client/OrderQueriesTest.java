package com.orderdesk.cartcom.poller.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The order list filters; the Cart.com datetimes they carry are the kit's CartcomDates (tested in service-kit). */
class OrderQueriesTest {

    @Test
    void joinsSeveralStatusesWithOr() {
        assertEquals("eq:1", OrderQueries.anyOf(List.of(1L)));
        assertEquals("eq:1 OR eq:2 OR eq:30", OrderQueries.anyOf(List.of(1L, 2L, 30L)));
    }
}
