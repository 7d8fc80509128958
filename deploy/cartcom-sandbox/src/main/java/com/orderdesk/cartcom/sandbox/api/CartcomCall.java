package com.orderdesk.cartcom.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderdesk.cartcom.sandbox.api.query.ListRequest;
import com.orderdesk.cartcom.sandbox.store.SandboxStore;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;

/** One authorised Cart.com call as a route sees it. */
public final class CartcomCall {

    private final SandboxStore store;
    private final String absoluteUrl;
    private final String rawQuery;
    private final String body;
    private final ObjectMapper mapper;
    private final Instant now;
    private ListRequest listRequest;

    public CartcomCall(SandboxStore store, String absoluteUrl, String rawQuery, String body, ObjectMapper mapper, Instant now) {
        this.store = store;
        this.absoluteUrl = absoluteUrl;
        this.rawQuery = rawQuery;
        this.body = body;
        this.mapper = mapper;
        this.now = now;
    }

    public SandboxStore store() {
        return store;
    }

    public ZoneId zone() {
        return store.settings().zone();
    }

    public Instant now() {
        return now;
    }

    public String absoluteUrl() {
        return absoluteUrl;
    }

    /** Whether this is the list route of {@code resource} (GET /{resource}, not one record or a nested list). */
    public boolean isListOf(String resource) {
        int query = absoluteUrl.indexOf('?');
        return (query < 0 ? absoluteUrl : absoluteUrl.substring(0, query)).endsWith("/" + resource);
    }

    public ListRequest list() {
        if (listRequest == null) {
            listRequest = ListRequest.parse(rawQuery);
        }
        return listRequest;
    }

    /** The JSON object body; a missing or broken body is the client's fault (400). */
    public JsonNode jsonBody() {
        if (body == null || body.isBlank()) {
            throw CartcomException.badRequest("A JSON request body is required");
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw CartcomException.badRequest("The request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw CartcomException.badRequest("The request body is not valid JSON");
        }
    }
}
