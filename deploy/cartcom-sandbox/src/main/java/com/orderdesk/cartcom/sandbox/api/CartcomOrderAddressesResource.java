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
import java.util.Map;

/**
 * /api/v1/order_addresses: orders carry only ids of these records, so clients fetch them here, one by one,
 * with ?id= filters, or several at once with select_many. The list key is "addresses".
 */
@Path("/{domain}/api/v1/order_addresses")
@Produces(MediaType.APPLICATION_JSON)
public class CartcomOrderAddressesResource {

    private final CartcomCallPipeline pipeline;

    public CartcomOrderAddressesResource(CartcomCallPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @GET
    public Response list(@PathParam("domain") String domain, @Context HttpServerRequest http) {
        return pipeline.run(domain, http, null, call -> call.store().data().read(
                data -> RecordListings.list(call, new ArrayList<>(data.addresses.values()), "addresses")));
    }

    @GET
    @Path("select_many")
    public Response selectMany(@PathParam("domain") String domain, @Context HttpServerRequest http) {
        return pipeline.run(domain, http, null, call -> call.store().data().read(
                data -> RecordListings.selectMany(call, data.addresses, "addresses", OrderAddressesRows::row)));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("domain") String domain, @PathParam("id") String id, @Context HttpServerRequest http) {
        return pipeline.run(domain, http, null, call -> call.store().data().read(
                data -> RecordListings.one(call, RecordListings.byId(data.addresses, id, "Order address"))));
    }

    private static final class OrderAddressesRows {
        @SuppressWarnings("unchecked")
        static Map<String, Object> row(Object record) {
            return (Map<String, Object>) record;
        }
    }
}
