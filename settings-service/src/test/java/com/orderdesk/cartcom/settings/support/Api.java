package com.orderdesk.cartcom.settings.support;

import static io.restassured.RestAssured.given;

import com.orderdesk.cartcom.devstack.SandboxControl.SandboxStore;
import com.orderdesk.cartcom.model.auth.ApiKeys;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a merchant's or operator's client does, in a few calls. */
public final class Api {
    public static final String ADMIN_TOKEN = "test-admin-token";

    public record TestStore(long id, String apiKey) {
        public RequestSpecification as() {
            return given().contentType(ContentType.JSON)
                    .header(ApiKeys.STORE_ID_HEADER, String.valueOf(id))
                    .header(ApiKeys.API_KEY_HEADER, apiKey);
        }

        public String path(String rest) {
            return "/api/v1/stores/" + id + rest;
        }

        public String cartcom(String rest) {
            return path("/integrations/cartcom" + rest);
        }
    }

    public static TestStore createStore() {
        return createStore("America/Chicago");
    }

    public static TestStore createStore(String timezone) {
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .body(Map.of("name", "Test store", "timezone", timezone))
                .post("/api/v1/stores")
                .then().statusCode(201).extract();
        return new TestStore(created.jsonPath().getLong("store_id"), created.jsonPath().getString("api_key"));
    }

    /** Connects the store to a sandbox store (checked live by the service). */
    public static void connect(TestStore store, SandboxStore cart) {
        store.as().body(Map.of("domain", cart.domain(), "access_token", cart.token()))
                .put(store.cartcom("/connection"))
                .then().statusCode(200);
    }

    /** A store connected to a fresh sandbox store. */
    public static TestStore connectedStore() {
        return connectedTo(Sandbox.newStore());
    }

    /** A new store connected to this sandbox store. */
    public static TestStore connectedTo(SandboxStore cart) {
        TestStore store = createStore();
        connect(store, cart);
        return store;
    }

    /** A connected store with saved settings: downloads status 1, sets 2 after import. */
    public static TestStore configuredStore() {
        return configuredStore("America/Chicago");
    }

    public static TestStore configuredStore(String timezone) {
        TestStore store = createStore(timezone);
        connect(store, Sandbox.newStore());
        long folderId = store.as().get(store.path("/folders")).then().statusCode(200).extract().jsonPath().getLong("[0].id");
        store.as().body(Map.of("enabled", true, "check_interval_minutes", 5, "download_status_ids", java.util.List.of(1),
                        "folder_id", folderId, "after_import_status_id", 2, "sync_tracking_numbers", true,
                        "order_prefix", "CC-"))
                .put(store.cartcom("/settings")).then().statusCode(200);
        return store;
    }

    /**
     * POSTs a JSON body of about {@code bytes} bytes that announces no length (chunked transfer, as a streaming client
     * sends it) and answers the answer.
     */
    public static HttpResponse<String> postChunked(TestStore store, String path, int bytes) {
        byte[] body = ("{\"name\":\"" + "x".repeat(bytes) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Content-Type", "application/json")
                .header(ApiKeys.STORE_ID_HEADER, String.valueOf(store.id()))
                .header(ApiKeys.API_KEY_HEADER, store.apiKey())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Api() {
    }
}
