package com.orderdesk.cartcom.sandbox.api;

import com.orderdesk.cartcom.sandbox.store.ShipmentRecorder;
import com.orderdesk.cartcom.sandbox.store.ShipmentUpsert;
import com.orderdesk.cartcom.sandbox.store.StoredShipment;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;

/**
 * /api/v1/order_shipments: list (key "shipments", filter order_id=), one shipment, and create-or-update,
 * where a shipment_name already on the order updates that shipment (200) instead of adding one (201).
 */
@Path("/{domain}/api/v1/order_shipments")
@Produces(MediaType.APPLICATION_JSON)
public class CartcomOrderShipmentsResource extends RecordTableResource<StoredShipment> {

    private static final RecordTable<StoredShipment> SHIPMENTS = new RecordTable<>("shipments", "Shipment",
            data -> data.shipments, shipment -> shipment.fields, (call, data) -> {
                boolean withItems = call.list().expansions(Set.of("items")).contains("items");
                return shipment -> OrderView.shipment(shipment, withItems);
            });

    public CartcomOrderShipmentsResource(CartcomCallPipeline pipeline) {
        super(pipeline, SHIPMENTS);
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
