package com.orderdesk.cartcom.poller.rest;

import com.orderdesk.cartcom.kit.rest.ApiException;
import com.orderdesk.cartcom.model.events.PollRequested;
import com.orderdesk.cartcom.poller.publisher.PollRequestPublisher;
import com.orderdesk.cartcom.poller.service.KnownWebhookSecrets;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Cart.com's webhooks (CONTRACTS.md): {@code POST /webhooks/cartcom/{secret}}, public, no store headers. The body is
 * never read: anyone who learns a URL can post anything to it, so a webhook only asks for an early poll of the store
 * whose subscription holds the secret, and the poll (the ordinary one) finds what really changed. A forged or replayed
 * webhook costs at most one cheap poll, which the early-poll gap spaces out. Answered at once: Cart.com waits 3 s.
 */
@Path("/webhooks/cartcom/{secret}")
public class CartcomWebhookResource {
    private final KnownWebhookSecrets secrets;
    private final PollRequestPublisher publisher;

    public CartcomWebhookResource(KnownWebhookSecrets secrets, PollRequestPublisher publisher) {
        this.secrets = secrets;
        this.publisher = publisher;
    }

    @POST
    @Operation(summary = "A Cart.com webhook: asks for an early poll of the store whose subscription holds the secret")
    public Response receive(@PathParam("secret") String secret) {
        Instant received = Instant.now();
        long storeId = secrets.storeOf(secret)
                .orElseThrow(() -> ApiException.notFound("not_found", "No webhook subscription at this address"));
        publisher.publish(PollRequested.of(storeId, PollRequested.REASON_WEBHOOK, received));
        return Response.noContent().build();
    }
}
