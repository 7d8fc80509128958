package com.orderdesk.cartcom.sandbox.control;

import com.orderdesk.cartcom.sandbox.store.SandboxStore;
import com.orderdesk.cartcom.sandbox.webhook.DeliveryRecord;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a store's webhooks did: its subscriptions and its last deliveries, oldest first. */
@Path("/_sandbox/stores/{domain}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookControlResource {

    private final ControlStores stores;

    public WebhookControlResource(ControlStores stores) {
        this.stores = stores;
    }

    @GET
    public WebhookActivity get(@PathParam("domain") String domain) {
        SandboxStore store = stores.require(domain);
        List<Map<String, Object>> subscriptions = store.data().read(data -> new ArrayList<>(data.webhooks.values()));
        return new WebhookActivity(subscriptions, store.webhooks().log().snapshot());
    }

    /** Clears the delivery log; subscriptions stay. */
    @DELETE
    public Response clear(@PathParam("domain") String domain) {
        stores.require(domain).webhooks().log().clear();
        return Response.noContent().build();
    }

    public record WebhookActivity(List<Map<String, Object>> subscriptions, List<DeliveryRecord> deliveries) {
    }
}
