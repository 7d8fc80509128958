package com.orderdesk.cartcom.sandbox.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderdesk.cartcom.sandbox.fault.FaultKind;
import com.orderdesk.cartcom.sandbox.fault.FaultSettings;
import com.orderdesk.cartcom.sandbox.fault.HostileSettings;
import com.orderdesk.cartcom.sandbox.ratelimit.RetryAfterFormat;
import com.orderdesk.cartcom.sandbox.seed.RealWorldShape;
import io.vertx.core.http.HttpVersion;
import com.orderdesk.cartcom.sandbox.fault.MalformedBodies;
import com.orderdesk.cartcom.sandbox.ratelimit.RateDecision;
import com.orderdesk.cartcom.sandbox.store.CallRecord;
import com.orderdesk.cartcom.sandbox.store.RecordNotFoundException;
import com.orderdesk.cartcom.sandbox.store.ValidationException;
import com.orderdesk.cartcom.sandbox.store.SandboxStore;
import com.orderdesk.cartcom.sandbox.store.StoreData;
import com.orderdesk.cartcom.sandbox.store.StoreRegistry;
import com.orderdesk.cartcom.sandbox.store.TokenScope;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * What every Cart.com call goes through, in the live API's order: find the store, count the call against
 * the store's window (429 when full), check the token (401) and its scopes (403), answer a hostile store's redirect or 429, inject
 * faults, run the route, bend a hostile store's answer (huge body, dribble), then add X-AC-Call-Limit and record
 * the call in the store's log and its counts by caller.
 */
@ApplicationScoped
public class CartcomCallPipeline {

    public static final String TOKEN_HEADER = "X-AC-Auth-Token";
    public static final String CALL_LIMIT_HEADER = "X-AC-Call-Limit";
    private static final String JSON = MediaType.APPLICATION_JSON + ";charset=utf-8";
    private static final Logger LOG = Logger.getLogger(CartcomCallPipeline.class);

    private final StoreRegistry registry;
    private final ObjectMapper mapper;

    public CartcomCallPipeline(StoreRegistry registry, ObjectMapper mapper) {
        this.registry = registry;
        this.mapper = mapper;
    }

    public Response run(String domain, HttpServerRequest http, String body, Function<CartcomCall, CartcomReply> route) {
        Optional<SandboxStore> found = registry.find(domain);
        if (found.isEmpty()) {
            Optional<SandboxStore> www = registry.find("www." + domain)
                    .filter(store -> store.settings().realWorld().contains(RealWorldShape.BARE_DOMAIN_REDIRECT));
            if (www.isPresent()) {
                return redirectToWww(www.get(), http, body);
            }
            // No store, no window and no log: the live equivalent is a host that serves no store.
            return json(404, CartcomErrorBody.of(404, "No store is served at " + domain)).build();
        }
        SandboxStore store = found.get();
        Instant now = registry.now();
        RateDecision decision = store.rateLimiter().tryAcquire(now);
        Outcome outcome;
        if (!decision.allowed()) {
            outcome = new Outcome(tooManyRequests(store, decision, now), null, null);
        } else if (!store.acceptsToken(http.getHeader(TOKEN_HEADER))) {
            String details = http.getHeader(TOKEN_HEADER) == null
                    ? "The X-AC-Auth-Token header is missing" : "The access token is invalid or has been revoked";
            outcome = new Outcome(json(401, CartcomErrorBody.of(401, details)), null, null);
        } else if (!store.allows(http.getHeader(TOKEN_HEADER), neededScope(http))) {
            // Cart.com does not document whether a missing scope is 401 or 403: the sandbox answers 403.
            outcome = new Outcome(json(403, CartcomErrorBody.of(403, "The access token's scopes do not allow this call"
                    + " (it needs " + neededScope(http).wireName() + ")")), "partial_scopes", null);
        } else {
            outcome = serve(store, http, body, route, now, decision);
        }
        String callLimit = outcome.callLimit() != null ? outcome.callLimit() : decision.callLimitHeader();
        if (outcome.rawBody() != null) {
            // Hostile: the status line and headers dribble too, below the HTTP layer; the connection then closes.
            record(store, http, body, now, outcome.rawStatus(), outcome.fault());
            HostileBodies.dribbleRaw(http, outcome.rawStatus(), callLimit, outcome.rawBody(),
                    store.hostile().settings().dribbleMs());
            return null; // the connection is closed: what the HTTP layer makes of this reaches no one
        }
        Response response = outcome.builder().header(CALL_LIMIT_HEADER, callLimit).build();
        record(store, http, body, now, response.getStatus(), outcome.fault());
        return response;
    }

    /** A route that only reads: a GET without a body, run under the store's read lock. */
    public Response read(String domain, HttpServerRequest http, BiFunction<CartcomCall, StoreData, CartcomReply> route) {
        return run(domain, http, null, call -> call.store().data().read(data -> route.apply(call, data)));
    }

    private Outcome serve(SandboxStore store, HttpServerRequest http, String body,
                          Function<CartcomCall, CartcomReply> route, Instant now, RateDecision decision) {
        HostileSettings hostile = store.hostile().settings();
        if (hostile.redirectStatus() != null) {
            return new Outcome(Response.status(hostile.redirectStatus()).header("Location", hostile.redirectLocation())
                    .type(JSON).entity(CartcomErrorBody.of(hostile.redirectStatus(), "Moved")), "hostile_redirect", null);
        }
        if (hostile.retryAfterSeconds() != null) {
            RateDecision full = store.rateLimiter().exhaustedView(now);
            RetryAfterFormat format = hostile.retryAfterFormat() == null
                    ? store.settings().retryAfterFormat() : RetryAfterFormat.parse(hostile.retryAfterFormat());
            String retryAfter = format.format(now, now.plusSeconds(hostile.retryAfterSeconds()));
            return new Outcome(json(429, CartcomErrorBody.of(429, "Rate limit exceeded")).header("Retry-After", retryAfter),
                    "hostile_retry_after", full.callLimitHeader());
        }
        FaultKind fault = store.faults().draw();
        FaultSettings faults = store.faults().settings();
        pause(faults.latencyMs());
        switch (fault) {
            case SERVER_ERROR:
                return new Outcome(json(500, CartcomErrorBody.of(500, "An error has occurred (injected fault)")),
                        "server_error", null);
            case RATE_LIMITED:
                // A simulated 429 looks like a full window to the client.
                RateDecision full = store.rateLimiter().exhaustedView(now);
                return new Outcome(tooManyRequests(store, full, now), "rate_limited", full.callLimitHeader());
            default:
                break;
        }
        CartcomReply reply;
        try {
            reply = route.apply(new CartcomCall(store, http.absoluteURI(), http.query(), body, mapper, now));
        } catch (CartcomException e) {
            reply = new CartcomReply(e.status(), CartcomErrorBody.of(e.status(), e.getMessage()));
        } catch (RecordNotFoundException e) {
            reply = new CartcomReply(404, CartcomErrorBody.of(404, e.getMessage()));
        } catch (ValidationException e) {
            reply = new CartcomReply(409, CartcomErrorBody.of(409, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("Cart.com route failed", e);
            reply = new CartcomReply(500, CartcomErrorBody.of(500, "An error has occurred"));
        }
        if (fault == FaultKind.TIMEOUT) {
            // The change is made, then the answer comes too late: the client cannot tell whether it happened.
            pause(faults.timeoutMs());
            return new Outcome(json(reply.status(), reply.body()), "timeout", null);
        }
        if (fault == FaultKind.MALFORMED) {
            if (store.faults().nextBoolean()) {
                return new Outcome(Response.status(reply.status()).type(JSON).entity(MalformedBodies.truncate(write(reply.body()))),
                        "malformed", null);
            }
            return new Outcome(Response.status(reply.status()).type(MediaType.TEXT_HTML).entity(MalformedBodies.HTML_PAGE),
                    "malformed", null);
        }
        if (hostile.hugeBodyMb() != null && reply.status() == 200 && reply.body() instanceof Map<?, ?>) {
            HostileBodies.Huge huge = HostileBodies.huge(reply.body(), hostile.hugeBodyMb(), mapper);
            Response.ResponseBuilder builder = Response.status(200).type(JSON).entity(huge.output());
            if (Boolean.TRUE.equals(hostile.hugeBodyContentLength())) {
                builder.header("Content-Length", Long.toString(huge.length()));
            }
            return new Outcome(builder, "hostile_huge_body", null);
        }
        if (hostile.dribbleMs() != null) {
            byte[] bytes = write(reply.body()).getBytes(StandardCharsets.UTF_8);
            if (Boolean.TRUE.equals(hostile.dribbleHeaders()) && http.version() != HttpVersion.HTTP_2) {
                return new Outcome(null, "hostile_dribble_headers", null, reply.status(), bytes);
            }
            return new Outcome(Response.status(reply.status()).type(JSON)
                    .entity(HostileBodies.dribble(bytes, hostile.dribbleMs())), "hostile_dribble", null);
        }
        return new Outcome(json(reply.status(), reply.body()), null, null);
    }

    /**
     * A live store's bare domain sends every API call on to its www. host: 301 to the same path and query there. Not
     * counted against the window (the www. call that follows is); logged on the www. store.
     */
    private Response redirectToWww(SandboxStore store, HttpServerRequest http, String body) {
        URI asked = URI.create(http.absoluteURI());
        String query = http.query() == null ? "" : "?" + http.query();
        String location = asked.getScheme() + "://" + asked.getRawAuthority() + "/" + store.domain()
                + storePath(http.path()) + query;
        record(store, http, body, registry.now(), 301, "bare_domain_redirect");
        return json(301, CartcomErrorBody.of(301, "This store's API is served at " + store.domain())).header("Location", location).build();
    }

    /** One row in the store's call log and one call in its counts by caller (the User-Agent). */
    private static void record(SandboxStore store, HttpServerRequest http, String body, Instant at, int status, String fault) {
        store.recordCall(new CallRecord(at, http.method().name(), storePath(http.path()), decodedQuery(http.query()),
                status, fault, http.getHeader("Cache-Control"), CallRecord.loggedBody(http.method().name(), body),
                CallRecord.loggedCaller(http.getHeader("User-Agent"))));
    }

    private Response.ResponseBuilder tooManyRequests(SandboxStore store, RateDecision decision, Instant now) {
        return json(429, CartcomErrorBody.of(429, "Rate limit exceeded: " + decision.limit() + " calls per "
                + store.settings().windowSeconds() + " seconds"))
                .header("Retry-After", store.settings().retryAfterFormat().format(now, decision.resetAt()));
    }

    private static Response.ResponseBuilder json(int status, Object body) {
        return Response.status(status).type(JSON).entity(body);
    }

    private String write(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            return "{";
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static TokenScope neededScope(HttpServerRequest http) {
        return ScopeRules.required(http.method().name(), storePath(http.path()));
    }

    /** "/acme.sandbox.test/api/v1/orders" -> "/api/v1/orders": the path as the live store would log it. */
    private static String storePath(String path) {
        int second = path.indexOf('/', 1);
        return second < 0 ? path : path.substring(second);
    }

    private static String decodedQuery(String rawQuery) {
        if (rawQuery == null) {
            return "";
        }
        try {
            return URLDecoder.decode(rawQuery, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return rawQuery;
        }
    }

    /** callLimit overrides the window's own X-AC-Call-Limit value (simulated 429s). */
    private record Outcome(Response.ResponseBuilder builder, String fault, String callLimit, int rawStatus, byte[] rawBody) {
        Outcome(Response.ResponseBuilder builder, String fault, String callLimit) {
            this(builder, fault, callLimit, 0, null);
        }
    }
}
