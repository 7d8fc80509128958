package com.orderdesk.cartcom.settings.service;

import com.orderdesk.cartcom.kit.cartcom.CartcomException;
import com.orderdesk.cartcom.kit.rest.ApiException;
import java.util.Map;

/**
 * Turns a Cart.com failure into what a merchant can act on. Codes of CONTRACTS.md: {@code token_rejected},
 * {@code unreachable}, {@code rate_limited}, {@code unexpected_response}. Messages never carry the token.
 */
public final class CartcomFailures {
    public static final String TOKEN_REJECTED = "token_rejected";
    public static final String UNREACHABLE = "unreachable";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String UNEXPECTED_RESPONSE = "unexpected_response";

    public static String code(CartcomException e) {
        return switch (e.kind()) {
            case CREDENTIALS_REJECTED -> TOKEN_REJECTED;
            case UNREACHABLE, TIMEOUT, SERVER_ERROR -> UNREACHABLE;
            case RATE_LIMITED -> RATE_LIMITED;
            case MALFORMED_RESPONSE, NOT_FOUND, CONFLICT, BAD_REQUEST -> UNEXPECTED_RESPONSE;
        };
    }

    public static String message(CartcomException e, String domain) {
        return switch (e.kind()) {
            case CREDENTIALS_REJECTED -> "Cart.com rejected the access token for " + domain
                    + ": check that it is correct, not revoked, and may read orders and order statuses";
            case UNREACHABLE -> "Cannot connect to " + domain + ": check the domain";
            case TIMEOUT -> domain + " did not answer in time; try again later";
            case SERVER_ERROR -> domain + " answered with a server error (" + e.httpStatus() + "); try again later";
            case RATE_LIMITED -> "Cart.com refused the call because the store's API rate limit was reached. "
                    + "The integration will not reliably work on the Cart.com Storefront Bronze plan: "
                    + "a Silver or higher plan is required";
            case NOT_FOUND -> domain + " does not look like a Cart.com Storefront API (answered 404)";
            case MALFORMED_RESPONSE -> domain + " answered with something that is not the Cart.com API";
            case CONFLICT, BAD_REQUEST -> domain + " answered unexpectedly (" + e.httpStatus() + ")";
        };
    }

    /** The store's API answered with a redirect to another host: connect that one (a bare domain sent to www.). */
    public static final String DOMAIN_REDIRECTS = "domain_redirects";

    /** The token is valid but may not read something the integration reads ({@link ScopeCheck}). */
    public static final String SCOPE_MISSING = "scope_missing";

    /** For a failed connection check: 422, and nothing was changed. */
    public static ApiException forConnect(CartcomException e, String domain) {
        if (e.redirectHost().isPresent() && !e.redirectHost().get().equals(domain)) {
            String suggested = e.redirectHost().get();
            return new ApiException(422, DOMAIN_REDIRECTS, domain + " sends its API on to " + suggested
                    + ": connect " + suggested + " instead", Map.of("domain", "use " + suggested));
        }
        return new ApiException(422, code(e), message(e, domain));
    }

    /** For a live read on behalf of a merchant: Cart.com (the upstream) failed, so 502 with the same codes. */
    public static ApiException forRead(CartcomException e, String domain) {
        return new ApiException(502, code(e), message(e, domain));
    }

    private CartcomFailures() {
    }
}
