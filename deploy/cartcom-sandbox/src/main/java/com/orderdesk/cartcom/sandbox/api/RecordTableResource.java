package com.orderdesk.cartcom.sandbox.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * The two read routes every Cart.com table has, GET /{resource} (a queried page) and GET /{resource}/{id};
 * a subclass names its path and its {@link RecordTable}, and adds the routes only it has.
 */
public abstract class RecordTableResource<T> {

    protected final CartcomCallPipeline pipeline;
    protected final RecordTable<T> table;

    protected RecordTableResource(CartcomCallPipeline pipeline, RecordTable<T> table) {
        this.pipeline = pipeline;
        this.table = table;
    }

    @GET
    public Response list(@PathParam("domain") String domain, @Context HttpServerRequest http) {
        return pipeline.run(domain, http, null, call -> {
            CartcomReply reply = call.store().data().read(data -> table.list(call, data));
            afterList(call, reply);
            return reply;
        });
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("domain") String domain, @PathParam("id") String id, @Context HttpServerRequest http) {
        return pipeline.read(domain, http, (call, data) -> table.one(call, data, id));
    }

    /** Runs after the list answer is made, outside the read lock; only orders do something here. */
    protected void afterList(CartcomCall call, CartcomReply reply) {
    }
}
