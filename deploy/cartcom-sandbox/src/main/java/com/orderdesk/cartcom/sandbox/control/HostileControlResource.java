package com.orderdesk.cartcom.sandbox.control;

import com.orderdesk.cartcom.sandbox.fault.HostileSettings;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Makes one store's Cart.com API a hostile or broken server on every call (see {@link HostileSettings});
 * other stores on the sandbox stay healthy. PUT replaces all modes, DELETE switches them off.
 */
@Path("/_sandbox/stores/{domain}/hostile")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HostileControlResource {

    private final ControlStores stores;

    public HostileControlResource(ControlStores stores) {
        this.stores = stores;
    }

    @GET
    public HostileSettings get(@PathParam("domain") String domain) {
        return stores.require(domain).hostile().get();
    }

    @PUT
    public HostileSettings set(@PathParam("domain") String domain, HostileSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("a JSON body is required");
        }
        stores.require(domain).hostile().set(settings);
        return settings;
    }

    @DELETE
    public Response clear(@PathParam("domain") String domain) {
        stores.require(domain).hostile().set(HostileSettings.NONE);
        return Response.noContent().build();
    }
}
