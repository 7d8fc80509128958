package com.orderdesk.cartcom.devstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.orderdesk.cartcom.model.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JSON-over-HTTP client for the demo and the end-to-end tests: the APIs as a merchant's script calls them. */
public final class JsonHttp {
    // HTTP/1.1: the JDK client's default h2c upgrade has been seen to read a large HTTP/1.1 answer as HTTP/2 frames
    // ("Frame type(97) length(8069731) exceeds MAX_FRAME_SIZE") against the services' Vert.x server.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Map<String, String> headers;

    public JsonHttp(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.headers = Map.copyOf(headers);
    }

    public JsonHttp withHeaders(Map<String, String> more) {
        java.util.Map<String, String> all = new java.util.HashMap<>(headers);
        all.putAll(more);
        return new JsonHttp(baseUrl, all);
    }

    public record Response(int status, JsonNode body, String raw) {
        public JsonNode expect(int expectedStatus, String what) {
            if (status != expectedStatus) {
                throw new IllegalStateException(what + " answered " + status + " (expected " + expectedStatus + "): " + raw);
            }
            return body;
        }
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(toJson(body)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), parse(response.body()), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + baseUrl + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String toJson(Object body) {
        try {
            return body instanceof String s ? s : Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return NullNode.getInstance();
        }
    }
}
