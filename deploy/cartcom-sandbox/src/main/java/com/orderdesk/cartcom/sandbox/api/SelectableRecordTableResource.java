package com.orderdesk.cartcom.sandbox.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * A table whose records orders carry only by id (customers, order_addresses), so clients also fetch several
 * at once: GET /{resource}/select_many?ids=1,2.
 */
public abstract class SelectableRecordTableResource extends RecordTableResource<Map<String, Object>> {

    protected SelectableRecordTableResource(CartcomCallPipeline pipeline, RecordTable<Map<String, Object>> table) {
        super(pipeline, table);
    }

    @GET
    @Path("select_many")
    public Response selectMany(@PathParam("domain") String domain, @Context HttpServerRequest http) {
        return pipeline.read(domain, http,
                (call, data) -> RecordListings.selectMany(call, table.records().apply(data), table.listKey()));
    }
}
