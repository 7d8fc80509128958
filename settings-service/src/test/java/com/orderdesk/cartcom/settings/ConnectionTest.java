package com.orderdesk.cartcom.settings;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.devstack.SandboxControl.CallerCount;
import com.orderdesk.cartcom.devstack.SandboxControl.SandboxStore;
import com.orderdesk.cartcom.settings.support.Api.TestStore;
import com.orderdesk.cartcom.settings.support.Api;
import com.orderdesk.cartcom.settings.support.LogCapture;
import com.orderdesk.cartcom.settings.support.Sandbox;
import com.orderdesk.cartcom.settings.support.ServiceTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The connection check against the Cart.com sandbox over real HTTP: every error code of CONTRACTS.md is reached
 * the way a merchant would meet it. The test configuration allows the sandbox's base URL and answers a Cart.com
 * call within 2 s (cartcom.request-timeout).
 */
@QuarkusTest
class ConnectionTest extends ServiceTestBase {

    @Test
    void aVerifiedConnectionIsStoredAndAnswersOnlyAHintOfTheToken() {
        TestStore store = Api.createStore();
        SandboxStore cart = Sandbox.newStore();
        String token = cart.token();
        String body = store.as().body(Map.of("domain", cart.domain(), "access_token", token))
                .put(store.cartcom("/connection"))
                .then().statusCode(200)
                .body("connected", equalTo(true))
                .body("domain", equalTo(cart.domain()))
                .body("token_hint", equalTo("****" + token.substring(token.length() - 4)))
                .body("verified_at", notNullValue())
                .extract().asString();
        assertFalse(body.contains(token), body);
        assertEquals(1, Sandbox.statusReads(cart.domain()), "verified live with GET /order_statuses");
        // Every call names the service that spends the store's call budget (the kit's User-Agent).
        assertEquals(List.of(new CallerCount("orderdesk-cartcom/settings-service", Sandbox.control().calls(cart.domain()).size(),
                0, 0)), Sandbox.control().callers(cart.domain()));

        String read = store.as().get(store.cartcom("/connection")).then().statusCode(200)
                .body("connected", equalTo(true)).extract().asString();
        assertFalse(read.contains(token), read);
    }

    @Test
    void theDomainIsNormalisedToLowerCase() {
        TestStore store = Api.createStore();
        SandboxStore cart = Sandbox.newStore();
        store.as().body(Map.of("domain", " " + cart.domain().toUpperCase() + ". ", "access_token", cart.token()))
                .put(store.cartcom("/connection")).then().statusCode(200).body("domain", equalTo(cart.domain()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example.com", "shop.example.com/admin", "shop.example.com:8443",
            "user:pw@shop.example.com", "127.0.0.1", "[::1]", "::1", "localhost", "shop..example.com", "",
            "-shop.example.com", "shop.example.com?x=1", "2130706433", "0x7f.1"})
    void aDomainThatIsNotABareHostNameIsInvalid(String domain) {
        TestStore store = Api.createStore();
        expectFailure(store, domain, "any-token", "invalid_domain").body("error.message", notNullValue());
        store.as().get(store.cartcom("/connection")).then().body("connected", equalTo(false));
    }

    @Test
    void aWrongTokenIsRejected() {
        TestStore store = Api.createStore();
        SandboxStore cart = Sandbox.newStore();
        expectFailure(store, cart.domain(), "wrong-" + UUID.randomUUID(), "token_rejected")
                .body("error.message", containsString(cart.domain()));
    }

    @Test
    void aRevokedTokenIsRejected() {
        TestStore store = Api.createStore();
        SandboxStore cart = Sandbox.newStore();
        Api.connect(store, cart);
        Sandbox.revoke(cart);
        expectFailure(store, cart.domain(), cart.token(), "token_rejected");
    }

    /**
     * A store whose every answer has this fault: server errors are unreachable, a 429 of Cart.com rate_limited, a body
     * that is not the Cart.com API an unexpected_response.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"error_rate, unreachable", "rate_limited_rate, rate_limited", "malformed_rate, unexpected_response"})
    void aFaultOfTheStoreIsClassified(String fault, String code) {
        expectFailureWithFaults(Map.of(fault, 1.0), code);
    }

    @Test
    void aStoreThatDoesNotAnswerInTimeIsUnreachable() {
        long started = System.nanoTime();
        // The sandbox holds the answer 5 s; the service gives up after its 2 s request timeout.
        expectFailureWithFaults(Map.of("timeout_rate", 1.0, "timeout_ms", 5_000), "unreachable")
                .body("error.message", containsString("in time"));
        assertTrue(System.nanoTime() - started < 4_500_000_000L, "gave up at the request timeout");
    }

    @Test
    void aStoreOverItsRateLimitIsToldThatBronzeIsNotEnough() {
        TestStore store = Api.createStore();
        SandboxStore cart = Sandbox.newStoreWithRateLimit(1, 60);
        assertEquals(200, Sandbox.apiCall(cart, "/order_statuses")); // another client used the store's one call
        expectFailure(store, cart.domain(), cart.token(), "rate_limited")
                .body("error.message", containsString("Bronze"))
                .body("error.message", containsString("Silver or higher"));
    }

    @Test
    void aDomainWithoutACartcomStoreIsAnUnexpectedResponse() {
        TestStore store = Api.createStore();
        // The sandbox answers 404 for a store it does not have, like a web server that is not Cart.com's API.
        expectFailure(store, "nobody-" + UUID.randomUUID().toString().substring(0, 8) + ".sandbox.test", "any-token",
                "unexpected_response").body("error.message", containsString("404"));
    }

    @Test
    void aFailedCheckLeavesThePreviousConnectionAsItWas() {
        TestStore store = Api.createStore();
        SandboxStore cart = Sandbox.newStore();
        Api.connect(store, cart);
        String before = store.as().get(store.cartcom("/connection")).then().extract().asString();

        SandboxStore broken = Sandbox.newStoreWithFaults(Map.of("error_rate", 1.0));
        SandboxStore garbled = Sandbox.newStoreWithFaults(Map.of("malformed_rate", 1.0));
        expectFailure(store, cart.domain(), "wrong-token", "token_rejected");
        expectFailure(store, broken.domain(), broken.token(), "unreachable");
        expectFailure(store, garbled.domain(), garbled.token(), "unexpected_response");
        expectFailure(store, "http://evil.example.com", cart.token(), "invalid_domain");

        store.as().get(store.cartcom("/connection")).then().statusCode(200).body(equalTo(before));
        // The stored token is still the working one: a live read succeeds.
        store.as().get(store.cartcom("/order-statuses?refresh=true")).then().statusCode(200);
    }

    @Test
    void disconnectingDropsTheConnection() {
        TestStore store = Api.connectedStore();
        store.as().delete(store.cartcom("/connection")).then().statusCode(200)
                .body("connected", equalTo(false)).body("token_hint", nullValue());
        store.as().get(store.cartcom("/connection")).then().body("connected", equalTo(false));
        store.as().get(store.cartcom("/order-statuses")).then().statusCode(409)
                .body("error.code", equalTo("not_connected"));
    }

    @Test
    void theTokenNeverReachesTheLogs() {
        SandboxStore cart = Sandbox.newStore();
        SandboxStore broken = Sandbox.newStoreWithFaults(Map.of("error_rate", 1.0));
        String badToken = "secret-" + UUID.randomUUID();
        List<String> lines;
        try (LogCapture logs = LogCapture.start()) {
            TestStore store = Api.createStore();
            Api.connect(store, cart);
            expectFailure(store, cart.domain(), badToken, "token_rejected");
            expectFailure(store, broken.domain(), broken.token(), "unreachable");
            store.as().get(store.cartcom("/order-statuses?refresh=true")).then().statusCode(200);
            lines = logs.lines();
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("connected to Cart.com")), "the capture works: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("token_rejected")), "failures are logged: " + lines);
        for (String line : lines) {
            assertFalse(line.contains(cart.token()) || line.contains(badToken) || line.contains(broken.token()), line);
        }
    }

    /** A connection attempt to a new sandbox store answering with these faults. */
    private static ValidatableResponse expectFailureWithFaults(Map<String, Object> faults, String code) {
        SandboxStore cart = Sandbox.newStoreWithFaults(faults);
        return expectFailure(Api.createStore(), cart.domain(), cart.token(), code);
    }

    private static ValidatableResponse expectFailure(TestStore store, String domain, String token, String code) {
        return store.as().body(Map.of("domain", domain, "access_token", token))
                .put(store.cartcom("/connection"))
                .then().statusCode(422)
                .body("error.code", equalTo(code))
                .body("error.message", not(containsString(token)));
    }
}
