package com.orderdesk.cartcom.sandbox.fault;

import com.orderdesk.cartcom.sandbox.ratelimit.RetryAfterFormat;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * How one store's Cart.com API acts as a hostile or broken server, for every call it answers (other stores stay
 * healthy). Unlike {@link FaultSettings} nothing is drawn: a mode that is set applies to every call it concerns.
 * A null (or false) field is off. Checked in this order: redirect, 429 with retry_after_seconds, then the route
 * runs and its answer is bent: next_page_url / next_page_scheme / endless_next_page / rows_per_page on paged
 * lists (rows_per_page also on select_many), then huge_body_mb replaces a list answer's body, and dribble_ms
 * sends what is left one byte at a time.
 *
 * @param nextPageUrl        every paged list answer names this absolute URL as next_page (another host, a
 *                           metadata address, ...); {page} in it becomes the next page number
 * @param nextPageScheme     every paged list answer's own next_page link, but with this scheme (http: a downgrade)
 * @param endlessNextPage    every paged list answer names page + 1 as next_page, also past the data (then empty
 *                           pages, 200, instead of the 404 past the last page)
 * @param hugeBodyMb         list answers (any 200 whose body holds a list) become a valid JSON document of this
 *                           many megabytes, streamed chunk by chunk, never held in memory
 * @param hugeBodyContentLength the huge answer also announces its exact length in Content-Length (not chunked)
 * @param rowsPerPage        paged lists and select_many answer this many rows whatever count or ids asked
 *                           (the matched rows over and over; ids past the real ones are made up)
 * @param retryAfterSeconds  every call answers 429 with this Retry-After (nothing changes at the store)
 * @param retryAfterFormat   how that Retry-After is written: seconds or http-date (now + retry_after_seconds)
 * @param dribbleMs          the answer's body is sent one byte every dribble_ms milliseconds (headers right away)
 * @param dribbleHeaders     with dribble_ms: the status line and headers are dribbled too (HTTP/1.1 only; the
 *                           connection is closed after the body)
 * @param redirectStatus     every call answers with this redirect status (301, 302, 303, 307, 308) ...
 * @param redirectLocation   ... and this Location (an internal address such as http://169.254.169.254/latest)
 */
public record HostileSettings(String nextPageUrl, String nextPageScheme, Boolean endlessNextPage, Integer hugeBodyMb,
                              Boolean hugeBodyContentLength, Integer rowsPerPage, Long retryAfterSeconds,
                              String retryAfterFormat, Long dribbleMs, Boolean dribbleHeaders, Integer redirectStatus,
                              String redirectLocation) {

    public static final HostileSettings NONE =
            new HostileSettings(null, null, null, null, null, null, null, null, null, null, null, null);

    /** Ten years, the Retry-After a hostile server might name. */
    public static final long TEN_YEARS_SECONDS = 10L * 365 * 24 * 3600;

    public HostileSettings {
        if (nextPageUrl != null) {
            try {
                URI uri = new URI(nextPageUrl.replace("{page}", "2"));
                if (!uri.isAbsolute()) {
                    throw new IllegalArgumentException("next_page_url must be an absolute URL");
                }
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("next_page_url is not a URL: " + e.getMessage());
            }
        }
        if (nextPageScheme != null) {
            nextPageScheme = nextPageScheme.trim().toLowerCase(Locale.ROOT);
            if (!nextPageScheme.matches("[a-z][a-z0-9+.-]*")) {
                throw new IllegalArgumentException("next_page_scheme must be a URL scheme such as http");
            }
        }
        if (hugeBodyMb != null && (hugeBodyMb < 1 || hugeBodyMb > 10_000)) {
            throw new IllegalArgumentException("huge_body_mb must be between 1 and 10000");
        }
        if (rowsPerPage != null && (rowsPerPage < 1 || rowsPerPage > 1_000_000)) {
            throw new IllegalArgumentException("rows_per_page must be between 1 and 1000000");
        }
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retry_after_seconds must not be negative");
        }
        if (retryAfterFormat != null) {
            retryAfterFormat = RetryAfterFormat.parse(retryAfterFormat).wireName();
        }
        if (dribbleMs != null && (dribbleMs < 1 || dribbleMs > 60_000)) {
            throw new IllegalArgumentException("dribble_ms must be between 1 and 60000");
        }
        if (Boolean.TRUE.equals(dribbleHeaders) && dribbleMs == null) {
            throw new IllegalArgumentException("dribble_headers needs dribble_ms");
        }
        if (redirectStatus != null && !java.util.Set.of(301, 302, 303, 307, 308).contains(redirectStatus)) {
            throw new IllegalArgumentException("redirect_status must be 301, 302, 303, 307 or 308");
        }
        if ((redirectStatus == null) != (redirectLocation == null)) {
            throw new IllegalArgumentException("redirect_status and redirect_location go together");
        }
    }

    public boolean endless() {
        return Boolean.TRUE.equals(endlessNextPage);
    }
}
