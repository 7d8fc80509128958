package com.orderdesk.cartcom.poller;

import static com.orderdesk.cartcom.poller.support.KafkaTestSupport.send;
import static com.orderdesk.cartcom.poller.support.KafkaTestSupport.snapshot;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.devstack.FreePorts;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.EventHeaders;
import com.orderdesk.cartcom.model.events.PollRequested;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.poller.support.KafkaTestSupport.TopicRecords;
import com.orderdesk.cartcom.poller.support.PollerTestBase;
import com.orderdesk.cartcom.poller.support.SandboxStores;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cart.com webhooks (issue 18) against the sandbox, which keeps subscriptions and calls them: a connected store is
 * subscribed once, a webhook makes the store's ordinary poll come at once (the interval here is an hour, so nothing
 * else explains an order arriving within seconds), a burst makes one poll, an unknown address is 404, a disabled
 * store's subscription is removed, and a failed subscribe is retried and reported.
 */
@QuarkusTest
@TestProfile(WebhookTest.PublicAddressAndHourlyPolls.class)
class WebhookTest extends PollerTestBase {
    static final int PORT = FreePorts.find();
    static final String BASE = "http://localhost:" + PORT;
    /** The webhook, Kafka, the claim tick and one poll: seconds, far below the hour the interval would take. */
    static final Duration WITHIN_SECONDS = Duration.ofSeconds(10);
    static TopicRecords pollRequestsDlq;
    private final HttpClient http = HttpClient.newHttpClient();

    public static class PublicAddressAndHourlyPolls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.test-port", Integer.toString(PORT),
                    "cartcom.public-webhook-base-url", BASE + "/",
                    "poller.interval-override", "PT1H",
                    "poller.webhook-tick", "PT0.5S",
                    "poller.webhook-backoff-initial", "PT1S",
                    "poller.webhook-backoff-max", "PT2S");
        }
    }

    @BeforeAll
    static void collectDeadLetters() {
        pollRequestsDlq = TopicRecords.collect(Topics.dlq(Topics.POLL_REQUESTS));
    }

    @Test
    void aConnectedStoreIsSubscribedOnceAndANewOrderArrivesWithinSeconds() {
        SandboxStores.Store store = SandboxStores.create();
        long storeId = connect(store, List.of(1L));
        List<JsonNode> subscriptions = awaitSubscriptions(store, 2);
        assertEquals(List.of("NewOrder", "OrderStatusChanged"),
                subscriptions.stream().map(s -> s.path("event_type").asText()).sorted().toList());
        String url = subscriptions.get(0).path("url").asText();
        assertEquals(url, subscriptions.get(1).path("url").asText(), "one address per store");
        assertTrue(url.startsWith(BASE + "/webhooks/cartcom/") && url.length() > (BASE + "/webhooks/cartcom/").length() + 40,
                "an unguessable address under the public base: " + url);
        await().atMost(WAIT).until(() -> hasActivity(storeId, ActivityKinds.WEBHOOKS_ON));
        awaitFirstPoll(storeId); // at connect

        long placed = SandboxStores.seed(store.domain(), 1, 1).get(0);
        Instant at = Instant.now();
        await().atMost(WITHIN_SECONDS).until(() -> published(storeId).stream().anyMatch(o -> o.cartOrderId() == placed));
        System.out.printf("[webhooks] order placed -> published in %d ms%n", Duration.between(at, Instant.now()).toMillis());

        // New credentials (a new snapshot): our subscriptions are read again and kept, never doubled.
        long listsBefore = webhookCalls(store, "GET");
        send(Topics.STORE_SETTINGS, snapshot(storeId, 2, true, store.domain(), store.token(), List.of(1L)));
        await().atMost(WAIT).until(() -> webhookCalls(store, "GET") > listsBefore);
        assertEquals(2, webhookCalls(store, "POST"), "subscribed once per event");
        assertEquals(2, subscriptions(store).size());
    }

    @Test
    void aBurstOfWebhooksMakesOnePollAndOnlyItsOwnAddressAnswers() throws Exception {
        SandboxStores.Store store = SandboxStores.create();
        String url = connectedAndPolled(store);
        await().atMost(WAIT).until(() -> SandboxStores.listCalls(store.domain()).size() >= 1);
        int listsBefore = SandboxStores.listCalls(store.domain()).size();

        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // The body is never read: anything goes, the address alone counts.
            burst.add(http.sendAsync(post(url, "{\"order\": {\"id\": 999999, \"forged\": true}}"),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : burst) {
            assertEquals(204, answer.get().statusCode());
        }
        await().atMost(WITHIN_SECONDS).until(() -> SandboxStores.listCalls(store.domain()).size() > listsBefore);
        // One early poll, or two if the burst straddled the start of one; never one each.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> SandboxStores.listCalls(store.domain()).size() <= listsBefore + 2);

        String otherSecret = "A".repeat(43);
        assertEquals(404, http.send(post(BASE + "/webhooks/cartcom/" + otherSecret, "{}"), HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> malformed = http.send(post(BASE + "/webhooks/cartcom/not-a-secret", "{}"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, malformed.statusCode());
        assertTrue(malformed.body().contains("not_found"), malformed.body());
    }

    @Test
    void aBodyCanOnlySaveAPollThatCouldFindNothing() throws Exception {
        SandboxStores.Store store = SandboxStores.create();
        String url = connectedAndPolled(store);
        int listsBefore = SandboxStores.listCalls(store.domain()).size();

        // Our own acknowledgement (to status 2, not downloaded) and a quote placed: nothing a poll could find.
        assertEquals(204, http.send(post(url, "{\"order\": {\"id\": 5, \"order_status_id\": 2}, \"old_status\": {\"id\": 1},"
                + " \"new_status\": {\"id\": 2}}"), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(204, http.send(post(url, "{\"order\": {\"id\": 6, \"order_status_id\": 9}}"),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> SandboxStores.listCalls(store.domain()).size() == listsBefore);

        // Into a download status: the poll comes, whatever the rest of the body says.
        assertEquals(204, http.send(post(url, "{\"new_status\": {\"id\": 1}, \"order\": \"not an order\"}"),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        await().atMost(WITHIN_SECONDS).until(() -> SandboxStores.listCalls(store.domain()).size() > listsBefore);
    }

    @Test
    void disablingTheStoreRemovesItsSubscriptionAndItsAddressStopsAnswering() throws Exception {
        SandboxStores.Store store = SandboxStores.create();
        long storeId = connect(store, List.of(1L));
        String url = awaitSubscriptions(store, 2).get(0).path("url").asText();

        send(Topics.STORE_SETTINGS, snapshot(storeId, 2, false, store.domain(), store.token(), List.of(1L)));
        awaitSubscriptions(store, 0);
        await().atMost(WAIT).until(() -> hasActivity(storeId, ActivityKinds.WEBHOOKS_OFF));
        await().atMost(WAIT).until(() -> http.send(post(url, "{}"), HttpResponse.BodyHandlers.ofString()).statusCode() == 404);

        // Enabled again: subscribed again, once.
        send(Topics.STORE_SETTINGS, snapshot(storeId, 3, true, store.domain(), store.token(), List.of(1L)));
        awaitSubscriptions(store, 2);
    }

    @Test
    void aFailedSubscribeIsReportedAndRetriedUntilItWorks() {
        SandboxStores.Store store = SandboxStores.create();
        SandboxStores.faults(store.domain(), Map.of("error_rate", 1.0));
        long storeId = connect(store, List.of(1L));
        await().atMost(WAIT).until(() -> hasActivity(storeId, ActivityKinds.WEBHOOKS_FAILING));
        ActivityRecorded failing = activities(storeId).stream()
                .filter(a -> a.kind().equals(ActivityKinds.WEBHOOKS_FAILING)).findFirst().orElseThrow();
        assertEquals(ActivityRecorded.Level.warn, failing.level());
        assertTrue(failing.message().contains("500"), failing.message());

        SandboxStores.faults(store.domain(), Map.of());
        awaitSubscriptions(store, 2);
        await().atMost(WAIT).until(() -> hasActivity(storeId, ActivityKinds.WEBHOOKS_ON));
    }

    @Test
    void aTokenWithoutTheSystemScopeKeepsPollingAndSaysWebhooksAreNotAllowed() {
        SandboxStores.Store store = SandboxStores.create(Map.of("real_world", List.of("partial_scopes")));
        String ordersOnly = SandboxStores.mintToken(store.domain(), List.of("orders", "read_people"));
        long storeId = connect(new SandboxStores.Store(store.domain(), ordersOnly), List.of(1L));
        awaitFirstPoll(storeId);
        await().atMost(WAIT).until(() -> hasActivity(storeId, ActivityKinds.WEBHOOKS_NOT_ALLOWED));
        ActivityRecorded refused = activities(storeId).stream()
                .filter(a -> a.kind().equals(ActivityKinds.WEBHOOKS_NOT_ALLOWED)).findFirst().orElseThrow();
        assertEquals(ActivityRecorded.Level.warn, refused.level());
        assertTrue(refused.message().contains("Perform system tasks"), refused.message());
        assertTrue(subscriptions(store).isEmpty());
        assertEquals(1, webhookCalls(store, "GET"), "a refusal is not retried until the credentials change");
    }

    @Test
    void aMalformedPollRequestIsDeadLetteredAndTheNextOneIsServed() {
        SandboxStores.Store store = SandboxStores.create();
        long storeId = connect(store, List.of(1L));
        awaitFirstPoll(storeId);
        send(Topics.POLL_REQUESTS, Long.toString(storeId), "{\"eventType\": \"PollRequested\", \"storeId\": \"x\"");
        await().atMost(WAIT).until(() -> !pollRequestsDlq.forKey(storeId).isEmpty());
        assertTrue(pollRequestsDlq.forKey(storeId).get(0).headers().lastHeader(EventHeaders.DLQ_REASON) != null);

        int listsBefore = SandboxStores.listCalls(store.domain()).size();
        send(Topics.POLL_REQUESTS, PollRequested.of(storeId, "operator", Instant.now()));
        await().atMost(WITHIN_SECONDS).until(() -> SandboxStores.listCalls(store.domain()).size() > listsBefore);
    }

    /** Connects the store and waits for its subscriptions and its first poll; returns its webhook address. */
    private String connectedAndPolled(SandboxStores.Store store) {
        long storeId = connect(store, List.of(1L));
        String url = awaitSubscriptions(store, 2).get(0).path("url").asText();
        awaitFirstPoll(storeId);
        return url;
    }

    /** The poll made when the store connected (the next one is an hour away). */
    private static void awaitFirstPoll(long storeId) {
        await().atMost(WAIT).until(() -> pollActivities(storeId, 0) >= 1);
    }

    private List<JsonNode> awaitSubscriptions(SandboxStores.Store store, int count) {
        return await().atMost(WAIT).until(() -> subscriptions(store), s -> s.size() == count);
    }

    private static List<JsonNode> subscriptions(SandboxStores.Store store) {
        List<JsonNode> found = new ArrayList<>();
        SandboxStores.webhooks(store.domain()).path("subscriptions").forEach(found::add);
        return found;
    }

    private static long webhookCalls(SandboxStores.Store store, String method) {
        return SandboxStores.calls(store.domain()).stream()
                .filter(c -> c.path("method").asText().equals(method) && c.path("path").asText().endsWith("/webhooks"))
                .count();
    }

    private static boolean hasActivity(long storeId, String kind) {
        return activities(storeId).stream().anyMatch(a -> a.kind().equals(kind));
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

}
