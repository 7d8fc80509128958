package com.orderdesk.cartcom.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store-wide real-world shapes: partial-scope tokens, the bare domain's redirect, provider names, money as text. */
@QuarkusTest
class RealWorldStoreTest {

    @Test
    void aTokenMintedWithScopesIsRefusedWith403WhereTheyDoNotReach() {
        SandboxClient.Store store = SandboxClient.newStore(Map.of("rate_limit", 100_000, "real_world", List.of("all")));
        String token = store.control().body(Map.of("scopes", List.of("orders:read", "statuses:read")))
                .post("/tokens").then().statusCode(201)
                .body("scopes", equalTo(List.of("orders:read", "statuses:read"))).extract().path("token");
        var limited = new SandboxClient.Store(store.domain(), token);

        limited.api().get("/orders").then().statusCode(200);
        limited.api().get("/order_statuses").then().statusCode(200);
        limited.api().get("/customers").then().statusCode(403).body("status_code", equalTo(403))
                .body("message", equalTo("Forbidden")).body("details", containsString("customers:read"));
        limited.api().get("/order_addresses").then().statusCode(403).body("details", containsString("addresses:read"));
        limited.api().contentType("application/json").body(Map.of("order_status_id", 2))
                .put("/orders/1/status").then().statusCode(403).body("details", containsString("orders:write"));
        store.api().get("/customers").then().statusCode(200); // the main token keeps every scope
        given().get("/_sandbox/stores/" + store.domain()).then()
                .body("token_scopes." + token, equalTo(List.of("orders:read", "statuses:read")));
    }

    @Test
    void cartcomScopeNamesGrantTheirGroupAndBadScopesAreRefused() {
        SandboxClient.Store store = SandboxClient.newStore(Map.of("real_world", List.of("partial_scopes")));
        String token = store.control().body(Map.of("scopes", List.of("read_orders"))).post("/tokens")
                .then().statusCode(201).extract().path("token");
        var limited = new SandboxClient.Store(store.domain(), token);
        limited.api().get("/order_addresses").then().statusCode(200);
        limited.api().get("/customers").then().statusCode(403);
        store.control().body(Map.of("scopes", List.of("orders:delete"))).post("/tokens").then().statusCode(400)
                .body("message", containsString("orders:delete"));

        SandboxClient.Store friendly = SandboxClient.newStore();
        friendly.control().body(Map.of("scopes", List.of("orders:read"))).post("/tokens").then().statusCode(400)
                .body("message", containsString("partial_scopes"));
    }

    @Test
    void theBareDomainOfAWwwStoreRedirectsEveryCallToIt() {
        String bare = "bare" + System.nanoTime() + ".example";
        SandboxClient.Store store = SandboxClient.newStore(Map.of("domain", "www." + bare, "real_world", List.of("all")));
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        given().header("X-AC-Auth-Token", store.token()).redirects().follow(false)
                .get("/" + bare + "/api/v1/orders?count=1&page=2").then().statusCode(301)
                .header("Location", equalTo(base + "/www." + bare + "/api/v1/orders?count=1&page=2"))
                .body("status_code", equalTo(301));
        given().get("/_sandbox/stores/www." + bare + "/calls").then()
                .body("[0].fault", equalTo("bare_domain_redirect")).body("[0].status", equalTo(301));

        String plainBare = "plain" + System.nanoTime() + ".example";
        SandboxClient.newStore(Map.of("domain", "www." + plainBare));
        given().redirects().follow(false).get("/" + plainBare + "/api/v1/orders").then().statusCode(404);
    }

    @Test
    void shippingProvidersCarryTheStoresOwnNamesInRealWorldMode() {
        SandboxClient.Store plain = SandboxClient.newStore();
        plain.api().get("/shipping_providers").then().statusCode(200)
                .body("shipping_providers.name", equalTo(List.of("UPS", "FedEx", "USPS", "DHL")))
                .body("shipping_providers.provider_code", equalTo(List.of("UPS", "FEDEX", "USPS", "DHL")));
        plain.control().body(Map.of("real_world", List.of("provider_names"))).put("").then().statusCode(200);
        plain.api().get("/shipping_providers").then()
                .body("shipping_providers.name",
                        equalTo(List.of("United Parcel Service", "Fedex", "U.S. Postal Service", "DHL Express")));
    }

    @Test
    void moneyAsStringsSendsAmountsAsText() {
        SandboxClient.Store store = SandboxClient.newStore(Map.of("real_world", List.of("money_as_strings")));
        long id = store.seed(1, 7L).get(0);
        store.api().get("/orders/" + id + "?expand=items,payments").then().statusCode(200)
                .body("grand_total", instanceOf(String.class)).body("shipping_total", instanceOf(String.class))
                .body("items[0].price", instanceOf(String.class)).body("items[0].quantity", not(instanceOf(String.class)))
                .body("payments[0].amount", instanceOf(String.class));
    }
}
