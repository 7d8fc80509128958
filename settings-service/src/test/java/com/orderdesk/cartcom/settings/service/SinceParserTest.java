package com.orderdesk.cartcom.settings.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.orderdesk.cartcom.kit.rest.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SinceParserTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2024-06-10T12:00:00Z"), ZoneOffset.UTC);
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Test
    void aDateIsMidnightInTheStoresZone() {
        assertEquals(Instant.parse("2024-06-01T05:00:00Z"), SinceParser.parse("2024-06-01", CHICAGO, NOW));
    }

    @Test
    void instantsAndOffsetsAreExact() {
        assertEquals(Instant.parse("2024-06-01T10:00:00Z"), SinceParser.parse("2024-06-01T10:00:00Z", CHICAGO, NOW));
        assertEquals(Instant.parse("2024-06-01T08:00:00Z"), SinceParser.parse("2024-06-01T10:00:00+02:00", CHICAGO, NOW));
    }

    @Test
    void aLocalDateTimeIsInTheStoresZone() {
        assertEquals(Instant.parse("2024-06-01T15:30:00Z"), SinceParser.parse("2024-06-01T10:30", CHICAGO, NOW));
    }

    @Test
    void theSameDateIsADifferentInstantInEachStore() {
        assertEquals(Instant.parse("2024-01-15T06:00:00Z"), SinceParser.parse("2024-01-15", ZoneOffset.ofHours(-6), NOW));
        assertEquals(Instant.parse("2024-01-14T18:30:00Z"), SinceParser.parse("2024-01-15", KOLKATA, NOW));
    }

    @Test
    void todayIsTheStoresToday() {
        // 20:00 UTC on June 10th is already June 11th (01:30) in Kolkata, still June 10th in Chicago.
        Clock evening = Clock.fixed(Instant.parse("2024-06-10T20:00:00Z"), ZoneOffset.UTC);
        assertEquals(Instant.parse("2024-06-10T18:30:00Z"), SinceParser.parse("2024-06-11", KOLKATA, evening));
        assertEquals("invalid_since",
                assertThrows(ApiException.class, () -> SinceParser.parse("2024-06-11", CHICAGO, evening)).code());
    }

    @Test
    void futureAndGarbageAreRefused() {
        assertEquals("invalid_since", assertThrows(ApiException.class, () -> SinceParser.parse("2024-06-11", CHICAGO, NOW)).code());
        assertEquals("invalid_since", assertThrows(ApiException.class, () -> SinceParser.parse("soon", CHICAGO, NOW)).code());
        assertEquals("invalid_since", assertThrows(ApiException.class, () -> SinceParser.parse(null, CHICAGO, NOW)).code());
    }
}
