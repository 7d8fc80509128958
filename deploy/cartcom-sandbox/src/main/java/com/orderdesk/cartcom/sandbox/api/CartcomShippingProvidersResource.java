package com.orderdesk.cartcom.sandbox.api;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** /api/v1/shipping_providers: the carriers the store ships with, under the names the merchant's admin shows. */
@Path("/{domain}/api/v1/shipping_providers")
@Produces(MediaType.APPLICATION_JSON)
public class CartcomShippingProvidersResource extends RecordTableResource<Map<String, Object>> {

    public CartcomShippingProvidersResource(CartcomCallPipeline pipeline) {
        super(pipeline, RecordTable.plain("shipping_providers", "Shipping provider", data -> data.shippingProviders));
    }
}
