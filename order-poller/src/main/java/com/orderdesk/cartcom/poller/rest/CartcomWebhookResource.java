package com.orderdesk.cartcom.poller.rest;

import com.orderdesk.cartcom.kit.rest.ApiException;
import com.orderdesk.cartcom.model.events.PollRequested;
import com.orderdesk.cartcom.poller.publisher.PollRequestPublisher;
import com.orderdesk.cartcom.poller.service.KnownWebhookSecrets;
import com.orderdesk.cartcom.poller.service.WebhookHints;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Cart.com's webhooks (CONTRACTS.md): {@code POST /webhooks/cartcom/{secret}}, public, no store headers. The body is
 * never trusted: anyone who learns a URL can post anything to it, so a webhook only asks for an early poll of the store
 * whose subscription holds the secret, and the poll (the ordinary one) finds what really changed. The body may only
 * save that poll where it plainly cannot find its order ({@link WebhookHints}). A forged or replayed webhook costs at
 * most one cheap poll, which the early-poll gap spaces out. Answered at once: Cart.com waits 3 s.
 */
@Path("/webhooks/cartcom/{secret}")
public class CartcomWebhookResource {
    private final KnownWebhookSecrets secrets;
    private final WebhookHints hints;
    private final PollRequestPublisher publisher;

    public CartcomWebhookResource(KnownWebhookSecrets secrets, WebhookHints hints, PollRequestPublisher publisher) {
        this.secrets = secrets;
        this.hints = hints;
        this.publisher = publisher;
    }

    @POST
    @Operation(summary = "A Cart.com webhook: asks for an early poll of the store whose subscription holds the secret")
    public Response receive(@PathParam("secret") String secret, String body) {
        Instant received = Instant.now();
        long storeId = secrets.storeOf(secret)
                .orElseThrow(() -> ApiException.notFound("not_found", "No webhook subscription at this address"));
        if (!hints.cannotConcernDownloads(storeId, body)) {
            publisher.publish(PollRequested.of(storeId, PollRequested.REASON_WEBHOOK, received));
        }
        return Response.noContent().build();
    }
}
