package com.orderdesk.cartcom.sandbox.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;

/** /api/v1/order_statuses: the store's statuses, which merchants edit (never hard-code them). */
@Path("/{domain}/api/v1/order_statuses")
@Produces(MediaType.APPLICATION_JSON)
public class CartcomOrderStatusesResource {

    private final CartcomCallPipeline pipeline;

    public CartcomOrderStatusesResource(CartcomCallPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @GET
    public Response list(@PathParam("domain") String domain, @Context HttpServerRequest http) {
        return pipeline.run(domain, http, null, call -> call.store().data().read(
                data -> RecordListings.list(call, new ArrayList<>(data.statuses.values()), "order_statuses")));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("domain") String domain, @PathParam("id") String id, @Context HttpServerRequest http) {
        return pipeline.run(domain, http, null, call -> call.store().data().read(
                data -> RecordListings.one(call, RecordListings.byId(data.statuses, id, "Order status"))));
    }
}
