package com.orderdesk.cartcom.sandbox.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.sandbox.api.ResourceJson;
import com.orderdesk.cartcom.sandbox.seed.DefaultOrderStatuses;
import com.orderdesk.cartcom.sandbox.store.RecordNotFoundException;
import com.orderdesk.cartcom.sandbox.store.SandboxStore;
import com.orderdesk.cartcom.sandbox.store.ValidationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** The merchant edits the store's statuses: renames, flag changes, new statuses (ids chosen or next free). */
@Path("/_sandbox/stores/{domain}/order_statuses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderStatusControlResource {

    private static final Set<String> FLAGS = DefaultOrderStatuses.Flag.fields();

    private final ControlStores stores;

    public OrderStatusControlResource(ControlStores stores) {
        this.stores = stores;
    }

    @POST
    public Response add(@PathParam("domain") String domain, JsonNode body) {
        if (body == null || !body.hasNonNull("name")) {
            throw new IllegalArgumentException("name is required");
        }
        SandboxStore store = stores.require(domain);
        Instant now = stores.now();
        Map<String, Object> json = store.data().write(data -> {
            long id = body.hasNonNull("id") ? body.get("id").asLong() : data.newStatusId();
            if (data.statuses.containsKey(id)) {
                throw new ValidationException("Order status " + id + " already exists");
            }
            Map<String, Object> status = DefaultOrderStatuses.status(id, body.get("name").asText(), "#CCCCCC", now);
            apply(status, body);
            data.statuses.put(id, status);
            return ResourceJson.render(status, store.settings().zone());
        });
        return Response.status(201).entity(json).build();
    }

    @PUT
    @Path("{id}")
    public Map<String, Object> edit(@PathParam("domain") String domain, @PathParam("id") long id, JsonNode body) {
        SandboxStore store = stores.require(domain);
        Instant now = stores.now();
        return store.data().write(data -> {
            Map<String, Object> status = data.statuses.get(id);
            if (status == null) {
                throw new RecordNotFoundException("Order status " + id + " was not found");
            }
            if (body != null) {
                apply(status, body);
            }
            status.put("updated_at", now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            return ResourceJson.render(status, store.settings().zone());
        });
    }

    private static void apply(Map<String, Object> status, JsonNode body) {
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (FLAGS.contains(f.getKey())) {
                if (!f.getValue().isBoolean()) {
                    throw new IllegalArgumentException(f.getKey() + " must be true or false");
                }
                status.put(f.getKey(), f.getValue().booleanValue());
            } else if (f.getKey().equals("name") || f.getKey().equals("color")) {
                status.put(f.getKey(), f.getValue().asText());
            } else if (f.getKey().equals("email_template_id")) {
                status.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asLong());
            }
        }
    }
}
