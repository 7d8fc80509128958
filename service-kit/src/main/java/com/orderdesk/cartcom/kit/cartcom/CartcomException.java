package com.orderdesk.cartcom.kit.cartcom;

import java.time.Duration;
import java.util.Optional;

/**
 * A Cart.com call that did not succeed, classified so that callers decide once: retry (rate limited,
 * server error, timeout, unreachable, malformed body) or give up (rejected credentials, not found, conflict,
 * bad request). The message never contains the access token.
 */
public class CartcomException extends RuntimeException {
    public enum Kind {
        CREDENTIALS_REJECTED(false),
        NOT_FOUND(false),
        CONFLICT(false),
        BAD_REQUEST(false),
        RATE_LIMITED(true),
        SERVER_ERROR(true),
        TIMEOUT(true),
        UNREACHABLE(true),
        MALFORMED_RESPONSE(true);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final int httpStatus;
    private final Duration retryAfter;
    private final String redirectHost;

    public CartcomException(Kind kind, int httpStatus, String message, Duration retryAfter, Throwable cause) {
        this(kind, httpStatus, message, retryAfter, cause, null);
    }

    /** A redirect (3xx, never followed) names the host its Location points to, so a merchant can be told. */
    public CartcomException(Kind kind, int httpStatus, String message, Duration retryAfter, Throwable cause,
                            String redirectHost) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
        this.redirectHost = redirectHost;
    }

    /**
     * The store domain a redirect answer pointed to (a store's bare domain sent to www., say): its Location's host, or
     * where the base-URL template puts the domain ({@link CartcomEndpoints#domainIn}); empty otherwise.
     */
    public Optional<String> redirectHost() {
        return Optional.ofNullable(redirectHost);
    }

    /**
     * No call was made: the store's shared call budget has no slot before {@code wait} from now. A rate limit like a
     * 429, without spending a call on one; callers that keep work as rows come back then, not counting an attempt.
     */
    public static CartcomException budgetSpent(Duration wait) {
        return new CartcomException(Kind.RATE_LIMITED, 0, "the store's Cart.com call budget is spent for the next "
                + Math.max(1, (wait.toMillis() + 999) / 1000) + " s; no call made", wait, null);
    }

    /** Whether this is {@link #budgetSpent}: refused before any call, so nothing happened at Cart.com. */
    public boolean budgetSpent() {
        return kind == Kind.RATE_LIMITED && httpStatus == 0;
    }

    public static Kind kindOf(int status) {
        return switch (status) {
            case 401, 403 -> Kind.CREDENTIALS_REJECTED;
            case 404 -> Kind.NOT_FOUND;
            case 409 -> Kind.CONFLICT;
            case 429 -> Kind.RATE_LIMITED;
            default -> status >= 500 ? Kind.SERVER_ERROR : Kind.BAD_REQUEST;
        };
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind.retryable();
    }

    /** The HTTP status, or 0 when no answer came. */
    public int httpStatus() {
        return httpStatus;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
