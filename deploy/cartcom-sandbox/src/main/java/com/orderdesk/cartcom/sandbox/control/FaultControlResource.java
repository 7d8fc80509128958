package com.orderdesk.cartcom.sandbox.control;

import com.orderdesk.cartcom.sandbox.config.SandboxConfig;
import com.orderdesk.cartcom.sandbox.fault.FaultSettings;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Makes a store's Cart.com API misbehave on a share of calls; the control API itself never does. */
@Path("/_sandbox/stores/{domain}/faults")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FaultControlResource {

    private final ControlStores stores;
    private final SandboxConfig config;

    public FaultControlResource(ControlStores stores, SandboxConfig config) {
        this.stores = stores;
        this.config = config;
    }

    @GET
    public FaultSettings get(@PathParam("domain") String domain) {
        return stores.require(domain).faults().settings();
    }

    /** Replaces the store's faults as a whole; a seed makes the sequence of faults repeatable. */
    @PUT
    public FaultSettings set(@PathParam("domain") String domain, FaultRequest r) {
        if (r == null) {
            throw new IllegalArgumentException("a JSON body is required");
        }
        FaultSettings settings = new FaultSettings(or(r.latencyMs(), 0L), or(r.errorRate(), 0d),
                or(r.rateLimitedRate(), 0d), or(r.timeoutRate(), 0d), or(r.timeoutMs(), config.defaultTimeoutMs()),
                or(r.malformedRate(), 0d), r.seed());
        stores.require(domain).faults().configure(settings);
        return settings;
    }

    @DELETE
    public Response clear(@PathParam("domain") String domain) {
        stores.require(domain).faults().clear();
        return Response.noContent().build();
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
