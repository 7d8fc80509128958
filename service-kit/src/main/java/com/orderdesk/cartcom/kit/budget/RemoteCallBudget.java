package com.orderdesk.cartcom.kit.budget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.cartcom.model.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The shared budget as order-poller serves it ({@code /internal/call-budget}, admin token): one small request per slot
 * and one per answer that brings news ({@link Answer#newsAfter}). A request that no instance answers in time refuses
 * its call for a moment (the caller asks again, as for any slot not yet free): a poller slow for a moment under load
 * must not send this whole process onto a budget of its own, which knows nothing of the calls the others make (in a
 * benchmark, one such request cost 30 s of 429s across 40 stores). Only after {@value #UNANSWERED_BEFORE_FALLBACK}
 * unanswered requests in a row does this process keep its own budget for a while ({@link LocalCallBudget}, kept
 * close by Cart.com's counts and 429s) and then try again: the calls go on, less neatly shared, rather than stop.
 */
public final class RemoteCallBudget implements CallBudget {
    private static final Logger LOG = Logger.getLogger(RemoteCallBudget.class);
    private static final ObjectMapper MAPPER = Json.mapper();

    private final List<URI> bases;
    private final String adminToken;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration fallbackFor;
    private final Clock clock;
    private final LocalCallBudget fallback;
    private final AtomicLong fallbackUntilMillis = new AtomicLong();
    private final AtomicInteger unansweredInARow = new AtomicInteger();
    private final int assumedLimit;

    /** Unanswered requests in a row after which this process keeps its own budget for {@code fallbackFor}. */
    static final int UNANSWERED_BEFORE_FALLBACK = 3;
    /** When a call whose slot request went unanswered asks again. */
    static final Duration ASK_AGAIN_AFTER = Duration.ofSeconds(1);

    public RemoteCallBudget(List<URI> bases, String adminToken, BudgetTiming timing, Duration timeout,
                            Duration fallbackFor, Clock clock) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("the shared call budget needs at least one address");
        }
        this.bases = List.copyOf(bases);
        this.adminToken = adminToken;
        this.timeout = timeout;
        this.fallbackFor = fallbackFor;
        this.clock = clock;
        this.fallback = new LocalCallBudget(timing, clock);
        this.assumedLimit = timing.assumedLimit();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public Slot take(String domain, CallKind kind) {
        if (fallingBack()) {
            return fallback.take(domain, kind);
        }
        JsonNode answer = post(domain, "slots", MAPPER.createObjectNode().put("kind", kind.wireName()));
        if (answer == null) {
            return fallingBack() ? fallback.take(domain, kind)
                    : Slot.notBefore(clock.instant().plus(ASK_AGAIN_AFTER), 0, assumedLimit);
        }
        int used = answer.path("used").asInt();
        int limit = answer.path("limit").asInt();
        return answer.path("granted").asBoolean()
                ? Slot.granted(used, limit)
                : Slot.notBefore(Instant.parse(answer.path("retry_at").asText()), used, limit);
    }

    @Override
    public void answered(String domain, Slot slot, Answer answer) {
        fallback.answered(domain, slot, answer);
        if (fallingBack()) {
            return;
        }
        ObjectNode body = MAPPER.createObjectNode().put("status", answer.status());
        answer.callLimit().ifPresent(limit -> body.put("used", limit.used()).put("max", limit.max()));
        answer.retryAfter().ifPresent(wait -> body.put("retry_after_ms", wait.toMillis()));
        post(domain, "answers", body);
    }

    private boolean fallingBack() {
        return clock.millis() < fallbackUntilMillis.get();
    }

    /** The JSON answer of the first address that gives one; null (and a while on the fallback) when none does. */
    private JsonNode post(String domain, String what, ObjectNode body) {
        String path = "/internal/call-budget/stores/" + URLEncoder.encode(domain, StandardCharsets.UTF_8) + "/" + what;
        String failure = null;
        for (URI base : bases) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                        .timeout(timeout)
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 204) {
                    unansweredInARow.set(0);
                    return MAPPER.missingNode();
                }
                if (response.statusCode() == 200) {
                    JsonNode answer = MAPPER.readTree(response.body());
                    unansweredInARow.set(0);
                    return answer;
                }
                failure = base + " answered " + response.statusCode();
            } catch (IOException | RuntimeException e) {
                failure = base + ": " + e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        if (unansweredInARow.incrementAndGet() < UNANSWERED_BEFORE_FALLBACK) {
            LOG.debugf("the shared Cart.com call budget did not answer (%s); the call asks again", failure);
            return null;
        }
        long until = clock.millis() + fallbackFor.toMillis();
        if (fallbackUntilMillis.getAndSet(until) < clock.millis()) {
            LOG.warnf("the shared Cart.com call budget cannot be reached (%s); this instance keeps its own for %s",
                    failure, fallbackFor);
        }
        return null;
    }
}
