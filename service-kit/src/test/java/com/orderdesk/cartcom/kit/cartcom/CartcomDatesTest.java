package com.orderdesk.cartcom.kit.cartcom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CartcomDatesTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void readsTheFormsCartcomSends() {
        Instant expected = Instant.parse("2014-05-13T12:00:00Z");
        assertEquals(expected, CartcomDates.parse("2014-05-13T06:00:00.000-06:00").orElseThrow());
        assertEquals(expected, CartcomDates.parse("2014-05-13T06:00:00-06:00").orElseThrow());
        assertEquals(expected, CartcomDates.parse("2014-05-13T06:00:00.0-0600").orElseThrow());
        assertEquals(expected, CartcomDates.parse("2014-05-13T12:00:00.0Z").orElseThrow());
        assertEquals(expected, CartcomDates.parse("2014-05-13T12:00Z").orElseThrow());
        assertEquals(Instant.parse("2014-05-13T12:00:00.120Z"), CartcomDates.parse("2014-05-13T12:00:00.12Z").orElseThrow());
        assertEquals(expected, CartcomDates.parse(" 2014-05-13T06:00:00-06:00 ").orElseThrow());
        // No offset: the store's local time.
        assertEquals(expected, CartcomDates.parse("2014-05-13T07:00:00", CHICAGO).orElseThrow());
        for (String none : List.of("", " ", "not a date")) {
            assertTrue(CartcomDates.parse(none).isEmpty(), none);
        }
        assertTrue(CartcomDates.parse(null).isEmpty());
        assertNull(CartcomDates.instantOrNull(null, CHICAGO));
        assertNull(CartcomDates.instantOrNull("", CHICAGO));
    }

    @Test
    void readsTheRarerFormsToo() {
        assertEquals(Instant.parse("2013-11-04T15:36:05Z"), CartcomDates.instantOrNull("2013-11-04t09:36:05-0600", ZoneOffset.UTC));
        assertEquals(Instant.parse("2013-11-29T23:12:08.160Z"),
                CartcomDates.instantOrNull("2013-11-29T17:12:08.16-06:00", ZoneOffset.UTC));
        assertEquals(Instant.parse("2013-11-04T15:36:05Z"), CartcomDates.instantOrNull("2013-11-04 09:36:05-06:00", CHICAGO));
        assertEquals(Instant.parse("2013-11-04T15:36:00Z"), CartcomDates.instantOrNull("2013-11-04T09:36-06:00", CHICAGO));
        assertEquals(Instant.parse("2013-11-04T15:36:05Z"), CartcomDates.instantOrNull("2013-11-04T09:36:05", CHICAGO));
        assertEquals(Instant.parse("2013-11-04T06:00:00Z"), CartcomDates.instantOrNull("2013-11-04", CHICAGO));
        assertEquals(Instant.parse("2013-11-04T09:36:05.123456789Z"),
                CartcomDates.instantOrNull("2013-11-04T09:36:05.123456789z", CHICAGO));
        assertNull(CartcomDates.instantOrNull("2013-11-04T09:36:05.1234567890Z", CHICAGO));
        assertNull(CartcomDates.instantOrNull("not a date at all, no", CHICAGO));
    }

    @Test
    void queriesInUtcWithZ() {
        assertEquals("2014-05-13T12:00:00.123Z", CartcomDates.forQuery(Instant.parse("2014-05-13T12:00:00.123456Z")));
        assertEquals("2014-05-13T12:00:00.000Z", CartcomDates.forQuery(Instant.parse("2014-05-13T12:00:00Z")));
    }

    @Test
    void aStoresZoneIsItsTimezoneOrUtc() {
        assertEquals(CHICAGO, CartcomDates.zoneOf(storeIn("America/Chicago")));
        for (String none : new String[] {null, "", " ", "Not/AZone", "+99:00"}) {
            assertEquals(ZoneOffset.UTC, CartcomDates.zoneOf(storeIn(none)), none);
        }
    }

    private static StoreIntegrationChanged storeIn(String timezone) {
        return new StoreIntegrationChanged(UUID.randomUUID(), StoreIntegrationChanged.TYPE, 1, Instant.now(), 1, 1, true,
                true, "shop.example.com", null, null, null, timezone, 5, List.of(1L), 1L, null, null, true, "", List.of());
    }

    @Test
    void theFastPathReadsWhatTheJdkReadsForEveryFractionLengthAndOffset() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime local = LocalDateTime.of(1990 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000_000));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(37) - 18) * 1800 % (18 * 3600));
            int fractionDigits = random.nextInt(10);
            String text = local.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"))
                    + (fractionDigits == 0 ? "" : "." + String.format("%09d", local.getNano()).substring(0, fractionDigits))
                    + (offset.getTotalSeconds() == 0 && random.nextBoolean() ? "Z" : offset.getId().replace("Z", "+00:00"));
            assertEquals(OffsetDateTime.parse(text).toInstant(), CartcomDates.isoOffset(text), text);
            assertEquals(OffsetDateTime.parse(text).toInstant(), CartcomDates.instantOrNull(text, CHICAGO), text);
        }
    }

    @Test
    void theFastPathLeavesOtherFormsToTheLenientFormatter() {
        for (String other : new String[] {"2013-11-04T09:36:05", "2013-11-04T09:36:05-0600", "2013-11-04 09:36:05-06:00",
                "2013-11-04T09:36-06:00", "2013-11-04", "2013-11-04t09:36:05z", "2013-11-04T09:36:05.-06:00",
                "2013-11-04T09:36:05.1234567890Z", "2013-11-04T09:36:05+06", "", "not a date at all, no"}) {
            assertNull(CartcomDates.isoOffset(other), other);
        }
    }

    @Test
    void refusesValuesOutOfRange() {
        for (String invalid : new String[] {"2013-02-30T09:36:05Z", "2013-13-04T09:36:05Z", "2013-11-04T24:00:00Z",
                "2013-11-04T09:60:05Z", "2013-11-04T09:36:05+19:00", "2013-11-04T09:36:05+05:60", "2013-1a-04T09:36:05Z"}) {
            assertNull(CartcomDates.isoOffset(invalid), invalid);
        }
    }
}
