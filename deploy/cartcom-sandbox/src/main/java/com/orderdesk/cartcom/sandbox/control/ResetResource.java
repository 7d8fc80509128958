package com.orderdesk.cartcom.sandbox.control;

import com.orderdesk.cartcom.sandbox.store.StoreRegistry;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** POST /_sandbox/reset: forget every store, as after a restart. */
@Path("/_sandbox/reset")
public class ResetResource {

    private final StoreRegistry registry;

    public ResetResource(StoreRegistry registry) {
        this.registry = registry;
    }

    @POST
    public Response reset() {
        registry.reset();
        return Response.noContent().build();
    }
}
