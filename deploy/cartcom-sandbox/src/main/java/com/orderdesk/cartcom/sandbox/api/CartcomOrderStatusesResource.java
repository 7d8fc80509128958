package com.orderdesk.cartcom.sandbox.api;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** /api/v1/order_statuses: the store's statuses, which merchants edit (never hard-code them). */
@Path("/{domain}/api/v1/order_statuses")
@Produces(MediaType.APPLICATION_JSON)
public class CartcomOrderStatusesResource extends RecordTableResource<Map<String, Object>> {

    public CartcomOrderStatusesResource(CartcomCallPipeline pipeline) {
        super(pipeline, RecordTable.plain("order_statuses", "Order status", data -> data.statuses));
    }
}
