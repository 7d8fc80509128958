package com.orderdesk.cartcom.settings.rest;

import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.kit.auth.StoreScoped;
import com.orderdesk.cartcom.settings.entity.CartcomConnection;
import com.orderdesk.cartcom.settings.entity.CartcomSettings;
import com.orderdesk.cartcom.settings.repository.ActivityRepository;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stores/{storeId}/integrations/cartcom/status")
@StoreScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activity and status")
public class StatusResource {

    public record LastError(Instant at, String code, String message) {
    }

    /**
     * The store's Cart.com webhooks as order-poller last reported them: {@code on}, {@code not_allowed} (the token's
     * scope), {@code failing} or {@code off}, since when, and the reason in words.
     */
    public record WebhooksView(String state, Instant since, String message) {
    }

    /**
     * CONTRACTS.md's fields, plus {@code consecutive_poll_failures} and {@code failing_since}: an integration that
     * keeps failing says so here (it is never switched off for it); and {@code webhooks}, null where none were ever set
     * up (no public webhook address configured: polling only).
     */
    public record StatusView(boolean connected, boolean enabled, Instant lastPollAt, Instant lastSuccessAt,
                             LastError lastError, long ordersImported, long statusUpdatesPending,
                             long shipmentsPending, long consecutivePollFailures, Instant failingSince,
                             WebhooksView webhooks) {
    }

    private final ActivityRepository activities;

    StatusResource(ActivityRepository activities) {
        this.activities = activities;
    }

    @GET
    @Operation(summary = "The integration's health for this store, computed from the activity log",
            description = "last_poll_at: newest poll or poll_failed; last_success_at: newest poll at level info; "
                    + "last_error: newest error-level activity of any service (code = its kind); orders_imported: "
                    + "count of order_imported; status_updates_pending / shipments_pending: the newest "
                    + "statusUpdatesPending / shipmentsPending gauge reported (0 until one is); "
                    + "consecutive_poll_failures / failing_since: failed polls since the last success; webhooks: the newest "
                    + "webhooks_* activity (state on, not_allowed, failing or off), null if none.")
    public StatusView get(@PathParam("storeId") long storeId) {
        CartcomConnection connection = CartcomConnection.findById(storeId);
        CartcomSettings settings = CartcomSettings.findById(storeId);
        ActivityRepository.StoreStatus status = activities.status(storeId);
        ActivityRepository.Entry error = status.lastError();
        return new StatusView(connection != null && connection.usable(), settings != null && settings.enabled,
                status.lastPollAt(), status.lastSuccessAt(),
                error == null ? null : new LastError(error.at(), error.kind(), error.message()),
                status.ordersImported(), status.statusUpdatesPending(), status.shipmentsPending(),
                status.consecutivePollFailures(), status.failingSince(), webhooks(status.webhooks()));
    }

    private static WebhooksView webhooks(ActivityRepository.Entry newest) {
        return newest == null ? null : new WebhooksView(
                newest.kind().substring(ActivityKinds.WEBHOOKS_PREFIX.length()), newest.at(), newest.message());
    }
}
