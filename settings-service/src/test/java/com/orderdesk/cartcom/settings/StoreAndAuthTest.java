package com.orderdesk.cartcom.settings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.model.auth.ApiKeys;
import com.orderdesk.cartcom.settings.support.Api.TestStore;
import com.orderdesk.cartcom.settings.support.Api;
import com.orderdesk.cartcom.settings.support.ServiceTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StoreAndAuthTest extends ServiceTestBase {

    @Test
    void anOperatorCreatesAStoreWithAKeyAndFourFolders() {
        var created = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
                .body(Map.of("name", "Acme", "timezone", "Europe/Berlin"))
                .post("/api/v1/stores")
                .then().statusCode(201)
                .body("store_id", notNullValue())
                .body("timezone", equalTo("Europe/Berlin"))
                .extract().jsonPath();
        String apiKey = created.getString("api_key");
        // At least 128 random bits: 32 bytes base64url are 43 characters.
        assertTrue(apiKey.length() >= 43, apiKey);
        TestStore store = new TestStore(created.getLong("store_id"), apiKey);

        store.as().get(store.path("/folders")).then().statusCode(200)
                .body("name", contains("New", "Prepared", "Closed", "Canceled"))
                .body("id", hasSize(4));
        store.as().get(store.path("")).then().statusCode(200).body("name", equalTo("Acme"));
    }

    @Test
    void apiKeysAreRandomAndShownOnlyOnCreation() {
        TestStore one = Api.createStore();
        TestStore two = Api.createStore();
        assertNotEquals(one.apiKey(), two.apiKey());
        String read = one.as().get(one.path("")).then().statusCode(200).extract().asString();
        assertFalse(read.contains(one.apiKey()), read);
        assertFalse(read.contains("api_key"), read);
    }

    @Test
    void onlyAnOperatorDeletesAStore() {
        TestStore store = Api.createStore();
        store.as().delete(store.path("")).then().statusCode(401);
        given().header("Authorization", "Bearer " + Api.ADMIN_TOKEN).delete("/api/v1/stores/999999999")
                .then().statusCode(404).body("error.code", equalTo("not_found"));
        given().header("Authorization", "Bearer " + Api.ADMIN_TOKEN).delete(store.path("")).then().statusCode(204);
        store.as().get(store.path("/folders")).then().statusCode(401);
    }

    @Test
    void aStoreWithoutTimezoneIsInUtcAndABadTimezoneIsRefused() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
                .body(Map.of("name", "No zone")).post("/api/v1/stores")
                .then().statusCode(201).body("timezone", equalTo("UTC"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
                .body(Map.of("name", "Bad zone", "timezone", "Mars/Olympus")).post("/api/v1/stores")
                .then().statusCode(422).body("error.fields.timezone", notNullValue());
    }

    @Test
    void creatingAStoreNeedsTheAdminToken() {
        given().contentType(ContentType.JSON).body(Map.of("name", "x")).post("/api/v1/stores")
                .then().statusCode(401).body("error.code", equalTo("unauthorized"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer wrong")
                .body(Map.of("name", "x")).post("/api/v1/stores")
                .then().statusCode(401).body("error.code", equalTo("unauthorized"));
    }

    @Test
    void storeCallsWithoutOrWithAWrongKeyAre401() {
        TestStore store = Api.createStore();
        given().get(store.path("/folders")).then().statusCode(401).body("error.code", equalTo("unauthorized"))
                .body("error.message", notNullValue());
        given().header(ApiKeys.STORE_ID_HEADER, String.valueOf(store.id()))
                .get(store.path("/folders")).then().statusCode(401);
        given().header(ApiKeys.STORE_ID_HEADER, String.valueOf(store.id())).header(ApiKeys.API_KEY_HEADER, "nope")
                .get(store.path("/folders")).then().statusCode(401).body("error.code", equalTo("unauthorized"));
        given().header(ApiKeys.STORE_ID_HEADER, "not-a-number").header(ApiKeys.API_KEY_HEADER, store.apiKey())
                .get(store.path("/folders")).then().statusCode(401);
        given().header(ApiKeys.STORE_ID_HEADER, String.valueOf(store.id())).header(ApiKeys.API_KEY_HEADER, store.apiKey())
                .get(store.cartcom("/settings")).then().statusCode(200);
    }

    @Test
    void aValidKeyOfAnotherStoreIs403() {
        TestStore mine = Api.createStore();
        TestStore other = Api.createStore();
        mine.as().get(other.path("/folders")).then().statusCode(403).body("error.code", equalTo("forbidden"));
        mine.as().get(other.cartcom("/settings")).then().statusCode(403);
        mine.as().body(Map.of("domain", "shop.example.com", "access_token", "any"))
                .put(other.cartcom("/connection")).then().statusCode(403);
        // A store that does not exist answers like another store's: nothing to probe.
        mine.as().get("/api/v1/stores/999999999/folders").then().statusCode(403);
    }

    @Test
    void aStoreAddsFoldersButNotTwiceTheSameName() {
        TestStore store = Api.createStore();
        store.as().body(Map.of("name", "Wholesale")).post(store.path("/folders"))
                .then().statusCode(201).body("name", equalTo("Wholesale")).body("id", notNullValue());
        store.as().body(Map.of("name", "wholesale")).post(store.path("/folders"))
                .then().statusCode(409).body("error.code", equalTo("folder_exists"));
        store.as().body(Map.of("name", " ")).post(store.path("/folders")).then().statusCode(422);
        store.as().get(store.path("/folders")).then().body("name", hasSize(5));
    }

    @Test
    void aBodyThatIsNotJsonIsA400InTheErrorShape() {
        TestStore store = Api.createStore();
        store.as().body("{not json").post(store.path("/folders"))
                .then().statusCode(400).body("error.code", equalTo("invalid_request"));
    }

    @Test
    void aValueOfTheWrongTypeIsA400InTheErrorShapeNamingTheField() {
        TestStore store = Api.createStore();
        store.as().body("{\"name\": [\"Wholesale\"]}").post(store.path("/folders"))
                .then().statusCode(400).body("error.code", equalTo("invalid_request"))
                .body("error.message", containsString("name"));
        store.as().body("[1, 2]").post(store.path("/folders"))
                .then().statusCode(400).body("error.code", equalTo("invalid_request"));
    }

    /** Folders per store, an access token's length and a request's size are bounded; past them nothing changes. */
    @Test
    void aMerchantCannotGrowTheStoreWithoutBound() {
        TestStore store = Api.createStore();
        for (int i = 5; i <= 8; i++) {
            store.as().body(Map.of("name", "Folder " + i)).post(store.path("/folders")).then().statusCode(201);
        }
        store.as().body(Map.of("name", "One too many")).post(store.path("/folders")).then().statusCode(422)
                .body("error.code", equalTo("too_many_folders")).body("error.message", containsString("at most 8"));
        store.as().get(store.path("/folders")).then().body("size()", equalTo(8));

        store.as().body(Map.of("domain", "acme.sandbox.test", "access_token", "t".repeat(513)))
                .put(store.cartcom("/connection")).then().statusCode(422)
                .body("error.code", equalTo("token_rejected")).body("error.message", containsString("at most 512"));
        store.as().get(store.cartcom("/connection")).then().body("connected", equalTo(false));

        store.as().body(Map.of("name", "x".repeat(300 * 1024))).post(store.path("/folders")).then().statusCode(413)
                .body("error.code", equalTo("body_too_large")).body("error.message", containsString("262144 bytes"));
        // A body that announces no length (chunked) is cut by the HTTP layer as it is read: 413 all the same.
        assertEquals(413, Api.postChunked(store, store.path("/folders"), 300 * 1024).statusCode());
        store.as().get(store.path("/folders")).then().body("size()", equalTo(8));
    }

    @Test
    void healthIsOpenAndMetricsOpenApiAndSwaggerUiAnswerOnlyTheAdminToken() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        for (String operatorsOnly : List.of("/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
            given().get(operatorsOnly).then().statusCode(401);
            given().header(ApiKeys.STORE_ID_HEADER, "1").header(ApiKeys.API_KEY_HEADER, "x").get(operatorsOnly)
                    .then().statusCode(401);
            given().auth().oauth2("wrong-token").get(operatorsOnly).then().statusCode(401);
            given().auth().oauth2(Api.ADMIN_TOKEN).get(operatorsOnly).then().statusCode(200);
        }
        given().auth().oauth2(Api.ADMIN_TOKEN).accept(ContentType.JSON).get("/q/openapi?format=json").then()
                .statusCode(200).body("paths.size()", greaterThanOrEqualTo(8));
    }
}
