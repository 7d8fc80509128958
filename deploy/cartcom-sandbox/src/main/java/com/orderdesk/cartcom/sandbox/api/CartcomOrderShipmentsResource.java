package com.orderdesk.cartcom.sandbox.api;

import com.orderdesk.cartcom.sandbox.store.ShipmentRecorder;
import com.orderdesk.cartcom.sandbox.store.ShipmentUpsert;
import com.orderdesk.cartcom.sandbox.store.StoredShipment;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * /api/v1/order_shipments: list (key "shipments", filter order_id=), one shipment, and create-or-update,
 * where a shipment_name already on the order updates that shipment (200) instead of adding one (201).
 */
@Path("/{domain}/api/v1/order_shipments")
@Produces(MediaType.APPLICATION_JSON)
public class CartcomOrderShipmentsResource {

    private final CartcomCallPipeline pipeline;

    public CartcomOrderShipmentsResource(CartcomCallPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @GET
    public Response list(@PathParam("domain") String domain, @Context HttpServerRequest http) {
        return pipeline.run(domain, http, null, call -> call.store().data().read(data -> {
            boolean withItems = call.list().expansions(java.util.Set.of("items")).contains("items");
            List<Map<String, Object>> rows = data.shipments.values().stream().map(s -> s.fields).toList();
            return RecordListings.list(call, rows, "shipments",
                    row -> OrderView.shipment(data.shipments.get(((Number) row.get("id")).longValue()), withItems));
        }));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("domain") String domain, @PathParam("id") String id, @Context HttpServerRequest http) {
        return pipeline.run(domain, http, null, call -> call.store().data().read(data -> {
            StoredShipment shipment = RecordListings.byId(data.shipments, id, "Shipment");
            boolean withItems = call.list().expansions(java.util.Set.of("items")).contains("items");
            return RecordListings.one(call, OrderView.shipment(shipment, withItems));
        }));
    }

    @POST
    public Response upsert(@PathParam("domain") String domain, @Context HttpServerRequest http, String body) {
        return pipeline.run(domain, http, body, call -> {
            ShipmentUpsert request = ShipmentRequestReader.read(call.jsonBody(), call.zone());
            return call.store().data().write(data -> {
                ShipmentRecorder.Result result = ShipmentRecorder.upsert(data, request, call.now());
                Map<String, Object> json = ResourceJson.render(OrderView.shipment(result.shipment(), true), call.zone());
                return result.created() ? CartcomReply.created(json) : CartcomReply.ok(json);
            });
        });
    }
}
