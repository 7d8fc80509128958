package com.orderdesk.cartcom.sandbox.control;

import com.orderdesk.cartcom.sandbox.webhook.WebhookFaultSettings;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Makes a store's webhook deliveries get lost, late, doubled or out of order; PUT replaces all, DELETE clears. */
@Path("/_sandbox/stores/{domain}/webhook-faults")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookFaultControlResource {

    private final ControlStores stores;

    public WebhookFaultControlResource(ControlStores stores) {
        this.stores = stores;
    }

    @GET
    public WebhookFaultSettings get(@PathParam("domain") String domain) {
        return stores.require(domain).webhooks().faults().settings();
    }

    @PUT
    public WebhookFaultSettings set(@PathParam("domain") String domain, WebhookFaultRequest r) {
        if (r == null) {
            throw new IllegalArgumentException("a JSON body is required");
        }
        WebhookFaultSettings settings = new WebhookFaultSettings(or(r.dropRate(), 0d), or(r.delayMs(), 0L),
                or(r.duplicateRate(), 0d), or(r.reorder(), false), r.seed());
        stores.require(domain).webhooks().faults().configure(settings);
        return settings;
    }

    @DELETE
    public Response clear(@PathParam("domain") String domain) {
        stores.require(domain).webhooks().faults().configure(WebhookFaultSettings.NONE);
        return Response.noContent().build();
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
