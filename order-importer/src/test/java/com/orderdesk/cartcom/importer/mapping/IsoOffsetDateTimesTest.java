package com.orderdesk.cartcom.importer.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoOffsetDateTimesTest {

    @Test
    void readsWhatTheJdkReadsForEveryFractionLengthAndOffset() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime local = LocalDateTime.of(1990 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000_000));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(37) - 18) * 1800 % (18 * 3600));
            int fractionDigits = random.nextInt(10);
            String text = local.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"))
                    + (fractionDigits == 0 ? "" : "." + String.format("%09d", local.getNano()).substring(0, fractionDigits))
                    + (offset.getTotalSeconds() == 0 && random.nextBoolean() ? "Z" : offset.getId().replace("Z", "+00:00"));
            assertEquals(OffsetDateTime.parse(text).toInstant(), IsoOffsetDateTimes.parse(text), text);
        }
    }

    @Test
    void leavesOtherFormsToTheLenientFormatter() {
        for (String other : new String[] {"2013-11-04T09:36:05", "2013-11-04T09:36:05-0600", "2013-11-04 09:36:05-06:00",
                "2013-11-04T09:36-06:00", "2013-11-04", "2013-11-04t09:36:05z", "2013-11-04T09:36:05.-06:00",
                "2013-11-04T09:36:05.1234567890Z", "2013-11-04T09:36:05+06", "", "not a date at all, no"}) {
            assertNull(IsoOffsetDateTimes.parse(other), other);
        }
    }

    @Test
    void refusesValuesOutOfRange() {
        for (String invalid : new String[] {"2013-02-30T09:36:05Z", "2013-13-04T09:36:05Z", "2013-11-04T24:00:00Z",
                "2013-11-04T09:60:05Z", "2013-11-04T09:36:05+19:00", "2013-11-04T09:36:05+05:60", "2013-1a-04T09:36:05Z"}) {
            assertNull(IsoOffsetDateTimes.parse(invalid), invalid);
        }
    }

    @Test
    void theLenientReaderStillReadsEveryForm() {
        assertEquals(Instant.parse("2013-11-04T15:36:05Z"),
                CartcomValues.parseInstant("2013-11-04t09:36:05-0600", ZoneOffset.UTC));
        assertEquals(Instant.parse("2013-11-29T23:12:08.160Z"),
                CartcomValues.parseInstant("2013-11-29T17:12:08.16-06:00", ZoneOffset.UTC));
    }
}
