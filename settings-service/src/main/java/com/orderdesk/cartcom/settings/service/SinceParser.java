package com.orderdesk.cartcom.settings.service;

import com.orderdesk.cartcom.kit.rest.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The {@code since} of a manual import: an ISO-8601 instant ({@code 2024-05-01T10:00:00Z}, any offset), or a date
 * ({@code 2024-05-01}) or local date-time read in the store's time zone, which is what a merchant means by "from
 * May 1st". Never in the future.
 */
public final class SinceParser {

    public static Instant parse(String value, ZoneId storeZone, Clock clock) {
        if (value == null || value.isBlank()) {
            throw invalid("since is required: a date such as 2024-05-01 or an ISO-8601 instant");
        }
        String text = value.trim();
        Instant since;
        try {
            if (text.length() == 10) {
                since = LocalDate.parse(text).atStartOfDay(storeZone).toInstant();
            } else if (text.endsWith("Z") || text.endsWith("z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                since = OffsetDateTime.parse(text.replace('z', 'Z')).toInstant();
            } else {
                since = LocalDateTime.parse(text).atZone(storeZone).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw invalid("since must be a date such as 2024-05-01 or an ISO-8601 instant such as 2024-05-01T00:00:00Z");
        }
        if (since.isAfter(clock.instant())) {
            throw invalid("since is in the future: there are no orders to import yet");
        }
        return since;
    }

    private static ApiException invalid(String message) {
        return new ApiException(422, "invalid_since", message, Map.of("since", message));
    }

    private SinceParser() {
    }
}
