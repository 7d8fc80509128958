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
public class CartcomOrdersResource extends RecordTableResource<StoredOrder> {

    private static final RecordTable<StoredOrder> ORDERS = new RecordTable<>("orders", "Order",
            data -> data.orders, order -> order.fields, (call, data) -> {
                Set<String> expansions = call.list().expansions(OrderView.NESTED);
                boolean listPage = call.isListOf("orders");
                return order -> OrderView.shown(data, order, expansions, listPage, call.zone());
            });

    public CartcomOrdersResource(CartcomCallPipeline pipeline) {
        super(pipeline, ORDERS);
    }

    /** The page is cut: a status change armed for "after this list call" happens before the client's next one. */
    @Override
    protected void afterList(CartcomCall call, CartcomReply reply) {
        ListHook hook = call.store().listHook().get();
        if (hook != null && reply.status() == 200) {
            call.store().data().write(data -> {
                hook.afterListCall(data, call.now());
                return null;
            });
        }
    }

    /** GET /orders/{id}/items (payments, shipments, custom_fields): the nested list alone. */
    @GET
    @Path("{id}/{nested}")
    public Response nested(@PathParam("domain") String domain, @PathParam("id") String id,
                           @PathParam("nested") String nested, @Context HttpServerRequest http) {
        return pipeline.read(domain, http, (call, data) -> {
            List<Map<String, Object>> rows = OrderView.nested(data, ORDERS.byId(data, id), nested);
            if (rows == null) {
                throw CartcomException.notFound("Orders have no nested resource '" + nested + "'");
            }
            List<Map<String, Object>> rendered = rows.stream()
                    .map(r -> ResourceJson.render(r, call.zone(), call.list().fields())).toList();
            return CartcomReply.ok(ListPager.whole(rendered, nested));
        });
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
                StoredOrder order = ORDERS.byId(data, id);
                OrderStatusUpdater.change(data, order.id(), status, call.now());
                return ORDERS.show(call, data, order);
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
