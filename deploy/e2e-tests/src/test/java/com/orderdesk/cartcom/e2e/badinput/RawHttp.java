package com.orderdesk.cartcom.e2e.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.orderdesk.cartcom.model.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP exactly as given: any method, headers, content type (or none) and body bytes, where JsonHttp always sends
 * well-formed JSON. A request the server cuts off (an oversized body) is an answer too: status 0 and the reason.
 */
final class RawHttp {
    /** HTTP/1.1: the JDK's default h2c upgrade would turn an oversized body into a GOAWAY instead of the 413. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, JsonNode body, String raw) {
        String errorCode() {
            return body.path("error").path("code").asText("");
        }

        JsonNode errorFields() {
            return body.path("error").path("fields");
        }

        /** What a table prints: the status and the error code, or the start of the body. */
        String summary() {
            String code = errorCode();
            return status + " " + (code.isEmpty() ? ResultTable.printable(raw) : code);
        }
    }

    /** {@code contentType} null sends none; {@code body} null sends no body. */
    static Answer send(String method, String url, Map<String, String> headers, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()), response.body());
        } catch (IOException e) {
            return new Answer(0, MissingNode.getInstance(), "connection closed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode tree = body == null || body.isBlank() ? null : Json.mapper().readTree(body);
            return tree == null ? MissingNode.getInstance() : tree;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private RawHttp() {
    }
}
