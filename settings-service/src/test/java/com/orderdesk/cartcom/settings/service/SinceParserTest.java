package com.orderdesk.cartcom.settings.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SinceParserTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2024-06-10T12:00:00Z"), ZoneOffset.UTC);
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

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
    void futureAndGarbageAreRefused() {
        assertEquals("invalid_since", assertThrows(ApiException.class, () -> SinceParser.parse("2024-06-11", CHICAGO, NOW)).code());
        assertEquals("invalid_since", assertThrows(ApiException.class, () -> SinceParser.parse("soon", CHICAGO, NOW)).code());
        assertEquals("invalid_since", assertThrows(ApiException.class, () -> SinceParser.parse(null, CHICAGO, NOW)).code());
    }
}
