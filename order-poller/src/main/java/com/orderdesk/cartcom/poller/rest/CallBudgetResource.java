package com.orderdesk.cartcom.poller.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.kit.auth.Roles;
import com.orderdesk.cartcom.kit.budget.Answer;
import com.orderdesk.cartcom.kit.budget.CallKind;
import com.orderdesk.cartcom.kit.budget.Slot;
import com.orderdesk.cartcom.kit.cartcom.CallLimit;
import com.orderdesk.cartcom.kit.rest.ApiException;
import com.orderdesk.cartcom.poller.repository.CallBudgetLedger;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The stores' shared call budget for the other services (the kit's {@code RemoteCallBudget}): a slot before each
 * Cart.com call, and what Cart.com answered when it brings news. Internal: the admin token only, never on the
 * public webhook host.
 */
@Path("/internal/call-budget/stores/{domain}")
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CallBudgetResource {
    private static final long MAX_RETRY_AFTER_MS = Duration.ofHours(1).toMillis();
    private static final int MAX_DOMAIN = 253;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");

    private final CallBudgetLedger ledger;

    public CallBudgetResource(CallBudgetLedger ledger) {
        this.ledger = ledger;
    }

    @POST
    @Path("/slots")
    @Operation(summary = "A slot for one Cart.com call of the given kind to the store, or when to ask again")
    public Map<String, Object> take(@PathParam("domain") String domain, JsonNode body) {
        CallKind kind;
        try {
            kind = CallKind.parse(body == null ? "" : body.path("kind").asText());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Slot slot = ledger.take(storeDomain(domain), kind);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("granted", slot.granted());
        if (!slot.granted()) {
            answer.put("retry_at", slot.retryAt().toString());
        }
        answer.put("used", slot.used());
        answer.put("limit", slot.limit());
        return answer;
    }

    @POST
    @Path("/answers")
    @Operation(summary = "What Cart.com answered a budgeted call: its status, X-AC-Call-Limit and Retry-After")
    public void answered(@PathParam("domain") String domain, JsonNode body) {
        if (body == null || !body.path("status").canConvertToInt()
                || body.path("status").asInt() < 100 || body.path("status").asInt() > 599) {
            throw ApiException.badRequest("status must be an HTTP status");
        }
        Optional<CallLimit> limit = Optional.empty();
        if (body.has("used") || body.has("max")) {
            int used = body.path("used").asInt(-1);
            int max = body.path("max").asInt(-1);
            if (used < 0 || max < 1) {
                throw ApiException.badRequest("used must be 0 or more and max 1 or more");
            }
            limit = Optional.of(new CallLimit(used, max));
        }
        Optional<Duration> retryAfter = Optional.empty();
        if (body.has("retry_after_ms")) {
            long millis = body.path("retry_after_ms").asLong(-1);
            if (millis < 0 || millis > MAX_RETRY_AFTER_MS) {
                throw ApiException.badRequest("retry_after_ms must be between 0 and " + MAX_RETRY_AFTER_MS);
            }
            retryAfter = Optional.of(Duration.ofMillis(millis));
        }
        ledger.answered(storeDomain(domain), null, new Answer(body.path("status").asInt(), limit, retryAfter));
    }

    /** A store's domain as the services call it: a host name, kept in lower case; anything else changes nothing. */
    private static String storeDomain(String domain) {
        if (domain == null || domain.length() > MAX_DOMAIN || !HOST.matcher(domain).matches()) {
            throw ApiException.badRequest("the store is named by its domain (a host name of at most " + MAX_DOMAIN
                    + " characters)");
        }
        return domain.toLowerCase(Locale.ROOT);
    }
}
