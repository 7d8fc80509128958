package com.orderdesk.cartcom.sandbox.api;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * /api/v1/order_addresses: orders carry only ids of these records, so clients fetch them here, one by one,
 * with ?id= filters, or several at once with select_many. The list key is "addresses".
 */
@Path("/{domain}/api/v1/order_addresses")
@Produces(MediaType.APPLICATION_JSON)
public class CartcomOrderAddressesResource extends SelectableRecordTableResource {

    public CartcomOrderAddressesResource(CartcomCallPipeline pipeline) {
        super(pipeline, RecordTable.plain("addresses", "Order address", data -> data.addresses));
    }
}
