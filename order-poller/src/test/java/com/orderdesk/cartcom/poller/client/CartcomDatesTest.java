package com.orderdesk.cartcom.poller.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CartcomDatesTest {

    @Test
    void readsTheFormsCartcomSends() {
        Instant expected = Instant.parse("2014-05-13T12:00:00Z");
        assertEquals(expected, CartcomDates.parse("2014-05-13T06:00:00.000-06:00").orElseThrow());
        assertEquals(expected, CartcomDates.parse("2014-05-13T06:00:00-06:00").orElseThrow());
        assertEquals(expected, CartcomDates.parse("2014-05-13T06:00:00.0-0600").orElseThrow());
        assertEquals(expected, CartcomDates.parse("2014-05-13T12:00:00.0Z").orElseThrow());
        assertEquals(expected, CartcomDates.parse("2014-05-13T12:00Z").orElseThrow());
        assertEquals(Instant.parse("2014-05-13T12:00:00.120Z"), CartcomDates.parse("2014-05-13T12:00:00.12Z").orElseThrow());
        // No offset: the store's local time.
        assertEquals(expected, CartcomDates.parse("2014-05-13T07:00:00", ZoneId.of("America/Chicago")).orElseThrow());
        for (String none : List.of("", " ", "not a date")) {
            assertTrue(CartcomDates.parse(none).isEmpty(), none);
        }
        assertTrue(CartcomDates.parse(null).isEmpty());
    }

    @Test
    void queriesInUtcWithZ() {
        assertEquals("2014-05-13T12:00:00.123Z", CartcomDates.forQuery(Instant.parse("2014-05-13T12:00:00.123456Z")));
        assertEquals("2014-05-13T12:00:00.000Z", CartcomDates.forQuery(Instant.parse("2014-05-13T12:00:00Z")));
    }

    @Test
    void joinsSeveralStatusesWithOr() {
        assertEquals("eq:1", OrderQueries.anyOf(List.of(1L)));
        assertEquals("eq:1 OR eq:2 OR eq:30", OrderQueries.anyOf(List.of(1L, 2L, 30L)));
    }
}
