package com.orderdesk.cartcom.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.sandbox.store.ListHook;
import com.orderdesk.cartcom.sandbox.store.OrderStatusUpdater;
import com.orderdesk.cartcom.sandbox.store.StoredOrder;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** /api/v1/orders: the list with query syntax, one order, its nested lists, and the status-change route. */
@Path("/{domain}/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
public class CartcomOrdersResource {

    private final CartcomCallPipeline pipeline;

    public CartcomOrdersResource(CartcomCallPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @GET
    public Response list(@PathParam("domain") String domain, @Context HttpServerRequest http) {
        return pipeline.run(domain, http, null, call -> {
            CartcomReply reply = call.store().data().read(data -> {
                Set<String> expansions = call.list().expansions(OrderView.NESTED);
                List<Map<String, Object>> rows = data.orders.values().stream().map(o -> o.fields).toList();
                return RecordListings.list(call, rows, "orders",
                        row -> OrderView.raw(data, data.orders.get(((Number) row.get("id")).longValue()), expansions));
            });
            // The page is cut: a status change armed for "after this list call" happens before the client's next one.
            ListHook hook = call.store().listHook().get();
            if (hook != null && reply.status() == 200) {
                call.store().data().write(data -> {
                    hook.afterListCall(data, call.now());
                    return null;
                });
            }
            return reply;
        });
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("domain") String domain, @PathParam("id") String id, @Context HttpServerRequest http) {
        return pipeline.run(domain, http, null, call -> call.store().data().read(data -> {
            StoredOrder order = RecordListings.byId(data.orders, id, "Order");
            return RecordListings.one(call, OrderView.raw(data, order, call.list().expansions(OrderView.NESTED)));
        }));
    }

    /** GET /orders/{id}/items (payments, shipments, custom_fields): the nested list alone. */
    @GET
    @Path("{id}/{nested}")
    public Response nested(@PathParam("domain") String domain, @PathParam("id") String id,
                           @PathParam("nested") String nested, @Context HttpServerRequest http) {
        return pipeline.run(domain, http, null, call -> call.store().data().read(data -> {
            StoredOrder order = RecordListings.byId(data.orders, id, "Order");
            List<Map<String, Object>> rows = OrderView.nested(data, order, nested);
            if (rows == null) {
                throw CartcomException.notFound("Orders have no nested resource '" + nested + "'");
            }
            List<Map<String, Object>> rendered = rows.stream()
                    .map(r -> ResourceJson.render(r, call.zone(), call.list().fields())).toList();
            return CartcomReply.ok(ListPager.whole(rendered, nested));
        }));
    }

    /** The only route that fires status-changed events on the live store; it answers with the order. */
    @PUT
    @Path("{id}/status")
    public Response changeStatus(@PathParam("domain") String domain, @PathParam("id") String id,
                                 @Context HttpServerRequest http, String body) {
        return pipeline.run(domain, http, body, call -> {
            JsonNode json = call.jsonBody();
            JsonNode statusId = json.get("order_status_id");
            if (statusId == null || !(statusId.isIntegralNumber() || statusId.isTextual())) {
                throw CartcomException.badRequest("order_status_id is required and must be an integer");
            }
            long status = statusId.isTextual() ? parseLong(statusId.asText()) : statusId.asLong();
            return call.store().data().write(data -> {
                StoredOrder order = RecordListings.byId(data.orders, id, "Order");
                OrderStatusUpdater.change(data, order.id(), status, call.now());
                return RecordListings.one(call, OrderView.raw(data, order, call.list().expansions(OrderView.NESTED)));
            });
        });
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw CartcomException.badRequest("order_status_id is required and must be an integer");
        }
    }
}
