package com.orderdesk.cartcom.settings;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.devstack.DevStackTestResource;
import com.orderdesk.cartcom.settings.support.Api;
import com.orderdesk.cartcom.settings.support.Api.TestStore;
import com.orderdesk.cartcom.settings.support.FakeCartcom;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "settings"))
@QuarkusTestResource(value = FakeCartcom.class, restrictToAnnotatedClass = false)
class ConnectionTest {

    @Test
    void aVerifiedConnectionIsStoredAndAnswersOnlyAHintOfTheToken() {
        TestStore store = Api.createStore();
        String domain = Api.domain("shop");
        String token = Api.validToken();
        String body = store.as().body(Map.of("domain", domain, "access_token", token))
                .put(store.cartcom("/connection"))
                .then().statusCode(200)
                .body("connected", equalTo(true))
                .body("domain", equalTo(domain))
                .body("token_hint", equalTo("****" + token.substring(token.length() - 4)))
                .body("verified_at", notNullValue())
                .extract().asString();
        assertFalse(body.contains(token), body);

        String read = store.as().get(store.cartcom("/connection")).then().statusCode(200)
                .body("connected", equalTo(true)).extract().asString();
        assertFalse(read.contains(token), read);
    }

    @Test
    void theDomainIsNormalisedToLowerCase() {
        TestStore store = Api.createStore();
        String domain = Api.domain("shop");
        store.as().body(Map.of("domain", " " + domain.toUpperCase() + " ", "access_token", Api.validToken()))
                .put(store.cartcom("/connection")).then().statusCode(200).body("domain", equalTo(domain));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example.com", "shop.example.com/admin", "shop.example.com:8443",
            "user:pw@shop.example.com", "127.0.0.1", "[::1]", "::1", "localhost", "shop..example.com", "",
            "-shop.example.com", "shop.example.com?x=1"})
    void aDomainThatIsNotABareHostNameIsInvalid(String domain) {
        TestStore store = Api.createStore();
        store.as().body(Map.of("domain", domain, "access_token", Api.validToken()))
                .put(store.cartcom("/connection"))
                .then().statusCode(422).body("error.code", equalTo("invalid_domain")).body("error.message", notNullValue());
        store.as().get(store.cartcom("/connection")).then().body("connected", equalTo(false));
    }

    @Test
    void aRejectedTokenIsTokenRejected() {
        TestStore store = Api.createStore();
        expectFailure(store, Api.domain("shop"), "not-a-valid-token", "token_rejected");
        expectFailure(store, Api.domain("unauthorized"), Api.validToken(), "token_rejected");
        expectFailure(store, Api.domain("forbidden"), Api.validToken(), "token_rejected");
    }

    @Test
    void aStoreThatCannotBeReachedIsUnreachable() {
        TestStore store = Api.createStore();
        expectFailure(store, Api.domain("broken"), Api.validToken(), "unreachable");
        expectFailure(store, Api.domain("slow"), Api.validToken(), "unreachable");
        expectFailure(store, Api.domain("dropped"), Api.validToken(), "unreachable");
    }

    @Test
    void aRateLimitedStoreIsToldThatBronzeIsNotEnough() {
        TestStore store = Api.createStore();
        expectFailure(store, Api.domain("limited"), Api.validToken(), "rate_limited")
                .body("error.message", containsString("Bronze"))
                .body("error.message", containsString("Silver or higher"));
    }

    @Test
    void somethingThatIsNotTheCartcomApiIsAnUnexpectedResponse() {
        TestStore store = Api.createStore();
        expectFailure(store, Api.domain("garbage"), Api.validToken(), "unexpected_response");
        expectFailure(store, Api.domain("notfound"), Api.validToken(), "unexpected_response");
    }

    @Test
    void aFailedCheckChangesNothing() {
        TestStore store = Api.createStore();
        String domain = Api.domain("shop");
        String token = Api.validToken();
        Api.connect(store, domain, token);
        String before = store.as().get(store.cartcom("/connection")).then().extract().asString();

        expectFailure(store, Api.domain("shop"), "wrong-token", "token_rejected");
        expectFailure(store, Api.domain("limited"), Api.validToken(), "rate_limited");
        expectFailure(store, "http://evil.example.com", Api.validToken(), "invalid_domain");

        store.as().get(store.cartcom("/connection")).then().statusCode(200)
                .body(equalTo(before));
        // The stored (old) token still works for live reads.
        store.as().get(store.cartcom("/order-statuses")).then().statusCode(200);
    }

    @Test
    void disconnectingDropsTheConnection() {
        TestStore store = Api.createStore();
        Api.connect(store, Api.domain("shop"), Api.validToken());
        store.as().delete(store.cartcom("/connection")).then().statusCode(200)
                .body("connected", equalTo(false)).body("token_hint", nullValue());
        store.as().get(store.cartcom("/connection")).then().body("connected", equalTo(false));
        store.as().get(store.cartcom("/order-statuses")).then().statusCode(409)
                .body("error.code", equalTo("not_connected"));
    }

    @Test
    void theTokenNeverReachesTheLogs() {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                Object[] params = record.getParameters();
                StringBuilder line = new StringBuilder(String.valueOf(message));
                if (params != null) {
                    for (Object param : params) {
                        line.append(' ').append(param);
                    }
                }
                if (record.getThrown() != null) {
                    line.append(' ').append(record.getThrown());
                }
                synchronized (lines) {
                    lines.add(line.toString());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String goodToken = Api.validToken();
        String badToken = "secret-" + java.util.UUID.randomUUID();
        try {
            TestStore store = Api.createStore();
            Api.connect(store, Api.domain("shop"), goodToken);
            expectFailure(store, Api.domain("shop"), badToken, "token_rejected");
            expectFailure(store, Api.domain("limited"), badToken, "rate_limited");
            expectFailure(store, Api.domain("broken"), badToken, "unreachable");
            store.as().get(store.cartcom("/order-statuses")).then().statusCode(200);
        } finally {
            root.removeHandler(capture);
        }
        synchronized (lines) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("connected to Cart.com")), "log capture works: " + lines);
            for (String line : lines) {
                assertFalse(line.contains(goodToken) || line.contains(badToken), line);
            }
        }
    }

    private static io.restassured.response.ValidatableResponse expectFailure(TestStore store, String domain,
                                                                              String token, String code) {
        return store.as().body(Map.of("domain", domain, "access_token", token))
                .put(store.cartcom("/connection"))
                .then().statusCode(422)
                .body("error.code", equalTo(code))
                .body("error.message", not(containsString(token)));
    }
}
