package com.orderdesk.cartcom.sandbox.api;

import com.orderdesk.cartcom.sandbox.store.StoredOrder;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** /api/v1/order_items and /api/v1/order_payments across all orders; list keys "items" and "payments". */
@Path("/{domain}/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CartcomOrderLinesResource {

    private final CartcomCallPipeline pipeline;

    public CartcomOrderLinesResource(CartcomCallPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @GET
    @Path("order_items")
    public Response items(@PathParam("domain") String domain, @Context HttpServerRequest http) {
        return acrossOrders(domain, http, order -> order.items, "items");
    }

    @GET
    @Path("order_payments")
    public Response payments(@PathParam("domain") String domain, @Context HttpServerRequest http) {
        return acrossOrders(domain, http, order -> order.payments, "payments");
    }

    /** The lines of every order of the store in one list, paged and queried like a table, under {@code listKey}. */
    private Response acrossOrders(String domain, HttpServerRequest http,
                                  Function<StoredOrder, List<Map<String, Object>>> lines, String listKey) {
        return pipeline.read(domain, http, (call, data) -> {
            List<Map<String, Object>> rows = data.orders.values().stream().flatMap(o -> lines.apply(o).stream()).toList();
            return RecordListings.list(call, rows, listKey);
        });
    }

    /**
     * Any other route of a store: counted, authorised and logged like a real call, then 404. One method for each
     * HTTP method, as JAX-RS binds a resource method to one.
     */
    @Path("{rest: .+}")
    @GET
    public Response unknownGet(@PathParam("domain") String domain, @PathParam("rest") String rest,
                               @Context HttpServerRequest http) {
        return unknown(domain, rest, http);
    }

    @Path("{rest: .+}")
    @jakarta.ws.rs.POST
    public Response unknownPost(@PathParam("domain") String domain, @PathParam("rest") String rest,
                                @Context HttpServerRequest http) {
        return unknown(domain, rest, http);
    }

    @Path("{rest: .+}")
    @jakarta.ws.rs.PUT
    public Response unknownPut(@PathParam("domain") String domain, @PathParam("rest") String rest,
                               @Context HttpServerRequest http) {
        return unknown(domain, rest, http);
    }

    @Path("{rest: .+}")
    @jakarta.ws.rs.DELETE
    public Response unknownDelete(@PathParam("domain") String domain, @PathParam("rest") String rest,
                                  @Context HttpServerRequest http) {
        return unknown(domain, rest, http);
    }

    private Response unknown(String domain, String rest, HttpServerRequest http) {
        return pipeline.run(domain, http, null, call -> {
            throw CartcomException.notFound("The sandbox does not serve /api/v1/" + rest);
        });
    }
}
