package com.orderdesk.cartcom.sandbox.api;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * /api/v1/customers: orders carry only ids of these records, so clients fetch them here, one by one,
 * with ?id= filters, or several at once with select_many. The list key is "customers".
 */
@Path("/{domain}/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CartcomCustomersResource extends SelectableRecordTableResource {

    public CartcomCustomersResource(CartcomCallPipeline pipeline) {
        super(pipeline, RecordTable.plain("customers", "Customer", data -> data.customers));
    }
}
