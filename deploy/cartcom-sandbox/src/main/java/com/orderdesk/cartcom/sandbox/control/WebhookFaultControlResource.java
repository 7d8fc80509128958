package com.orderdesk.cartcom.sandbox.control;

import com.orderdesk.cartcom.sandbox.webhook.WebhookFaultSettings;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Makes a store's webhook deliveries get lost, late, doubled or out of order; PUT replaces all, DELETE clears. */
@Path("/_sandbox/stores/{domain}/webhook-faults")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookFaultControlResource extends StoreMisbehaviourResource<WebhookFaultSettings, WebhookFaultRequest> {

    public WebhookFaultControlResource(ControlStores stores) {
        super(stores, store -> store.webhooks().faults());
    }

    @Override
    protected WebhookFaultSettings settings(WebhookFaultRequest r) {
        return new WebhookFaultSettings(or(r.dropRate(), 0d), or(r.delayMs(), 0L), or(r.duplicateRate(), 0d),
                or(r.reorder(), false), r.seed());
    }
}
