package com.orderdesk.cartcom.settings;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.orderdesk.cartcom.devstack.SandboxControl.SandboxStore;
import com.orderdesk.cartcom.settings.support.Api;
import com.orderdesk.cartcom.settings.support.Api.TestStore;
import com.orderdesk.cartcom.settings.support.Sandbox;
import com.orderdesk.cartcom.settings.support.ServiceTestBase;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16 against the sandbox's real-world mode: the connection check tries every scope the integration reads and
 * names a missing one; a bare domain that redirects to www. names the domain to connect, and that domain connects.
 */
@QuarkusTest
class ConnectionScopesTest extends ServiceTestBase {
    private static final List<String> EVERY_SCOPE =
            List.of("orders:read", "orders:write", "customers:read", "addresses:read", "statuses:read");

    @ParameterizedTest(name = "without {0}")
    @CsvSource({"statuses:read, order statuses", "orders:read, orders", "customers:read, customers",
            "addresses:read, order addresses"})
    void aTokenMissingAReadableScopeIsRefusedByNameAndNothingIsStored(String scope, String what) {
        SandboxStore cart = Sandbox.newRealWorldStore(uniqueDomain("scopes"));
        List<String> scopes = new ArrayList<>(EVERY_SCOPE);
        scopes.remove(scope);
        SandboxStore limited = Sandbox.tokenWithScopes(cart, scopes);
        TestStore store = Api.createStore();

        store.as().body(Map.of("domain", cart.domain(), "access_token", limited.token()))
                .put(store.cartcom("/connection")).then().statusCode(422)
                .body("error.code", equalTo("scope_missing"))
                .body("error.message", containsString("may not read " + what + ":"))
                .body("error.fields.access_token", equalTo("missing scopes: " + scope))
                .body("error.message", not(containsString(limited.token())));
        store.as().get(store.cartcom("/connection")).then().body("connected", equalTo(false));
    }

    /** Refused everywhere with 403: the token is valid (a bad one gets 401), it just may read nothing: every scope named. */
    @Test
    void aTokenThatMayOnlyWriteIsToldEveryReadableScopeItLacks() {
        SandboxStore cart = Sandbox.newRealWorldStore(uniqueDomain("writeonly"));
        SandboxStore writeOnly = Sandbox.tokenWithScopes(cart, List.of("orders:write"));
        TestStore store = Api.createStore();
        store.as().body(Map.of("domain", cart.domain(), "access_token", writeOnly.token()))
                .put(store.cartcom("/connection")).then().statusCode(422)
                .body("error.code", equalTo("scope_missing"))
                .body("error.fields.access_token",
                        equalTo("missing scopes: statuses:read, orders:read, customers:read, addresses:read"));
    }

    @Test
    void aTokenWithEveryScopeConnectsAndIsToldWhatCouldNotBeChecked() {
        SandboxStore cart = Sandbox.newRealWorldStore(uniqueDomain("full"));
        SandboxStore full = Sandbox.tokenWithScopes(cart, EVERY_SCOPE);
        TestStore store = Api.createStore();
        store.as().body(Map.of("domain", cart.domain(), "access_token", full.token()))
                .put(store.cartcom("/connection")).then().statusCode(200)
                .body("connected", equalTo(true))
                .body("unchecked_scopes", equalTo(List.of("orders:write")));

        // The real-world store's own token keeps every scope: it connects too.
        TestStore other = Api.createStore();
        other.as().body(Map.of("domain", cart.domain(), "access_token", cart.token()))
                .put(other.cartcom("/connection")).then().statusCode(200).body("connected", equalTo(true));
    }

    @Test
    void aBareDomainThatRedirectsNamesTheWwwDomainWhichThenConnects() {
        String bare = uniqueDomain("bare");
        SandboxStore cart = Sandbox.newRealWorldStore("www." + bare);
        TestStore store = Api.createStore();
        store.as().body(Map.of("domain", bare, "access_token", cart.token()))
                .put(store.cartcom("/connection")).then().statusCode(422)
                .body("error.code", equalTo("domain_redirects"))
                .body("error.message", containsString("connect www." + bare + " instead"))
                .body("error.fields.domain", equalTo("use www." + bare));
        store.as().get(store.cartcom("/connection")).then().body("connected", equalTo(false));

        store.as().body(Map.of("domain", "www." + bare, "access_token", cart.token()))
                .put(store.cartcom("/connection")).then().statusCode(200)
                .body("connected", equalTo(true)).body("domain", equalTo("www." + bare));
    }

    private static String uniqueDomain(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8) + ".sandbox.test";
    }
}
