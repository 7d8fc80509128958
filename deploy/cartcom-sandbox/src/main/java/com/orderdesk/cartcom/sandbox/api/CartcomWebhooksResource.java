package com.orderdesk.cartcom.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.sandbox.webhook.WebhookSubscriptions;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * /api/v1/webhooks: the store's subscriptions, which it calls when orders are placed or change status (see
 * {@link com.orderdesk.cartcom.sandbox.webhook.StoreWebhooks}). Lists and reads like every table; POST creates
 * (or, naming an existing id, updates), PUT updates the fields it names, DELETE removes (204).
 */
@Path("/{domain}/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class CartcomWebhooksResource extends RecordTableResource<Map<String, Object>> {

    public CartcomWebhooksResource(CartcomCallPipeline pipeline) {
        super(pipeline, RecordTable.plain("webhooks", "Webhook", data -> data.webhooks));
    }

    @POST
    public Response create(@PathParam("domain") String domain, @Context HttpServerRequest http, String body) {
        return pipeline.run(domain, http, body, call -> {
            JsonNode json = call.jsonBody();
            return call.store().data().write(data -> {
                Map<String, Object> existing = json.hasNonNull("id") ? data.webhooks.get(json.get("id").asLong()) : null;
                if (existing != null) {
                    return table.show(call, data, WebhookSubscriptions.update(data, existing, json));
                }
                return CartcomReply.created(table.show(call, data, WebhookSubscriptions.create(data, json)).body());
            });
        });
    }

    @PUT
    @Path("{id}")
    public Response update(@PathParam("domain") String domain, @PathParam("id") String id,
                           @Context HttpServerRequest http, String body) {
        return pipeline.run(domain, http, body, call -> {
            JsonNode json = call.jsonBody();
            return call.store().data().write(data ->
                    table.show(call, data, WebhookSubscriptions.update(data, table.byId(data, id), json)));
        });
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("domain") String domain, @PathParam("id") String id,
                           @Context HttpServerRequest http) {
        return pipeline.run(domain, http, null, call -> call.store().data().write(data -> {
            Map<String, Object> subscription = table.byId(data, id);
            data.webhooks.remove(((Number) subscription.get("id")).longValue());
            return new CartcomReply(204, null);
        }));
    }
}
