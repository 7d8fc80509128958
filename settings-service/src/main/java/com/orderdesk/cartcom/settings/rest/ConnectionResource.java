package com.orderdesk.cartcom.settings.rest;

import com.orderdesk.cartcom.kit.auth.StoreScoped;
import com.orderdesk.cartcom.kit.rest.InvalidInput;
import com.orderdesk.cartcom.settings.entity.CartcomConnection;
import com.orderdesk.cartcom.settings.service.CartcomFailures;
import com.orderdesk.cartcom.settings.service.ConnectionService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stores/{storeId}/integrations/cartcom/connection")
@StoreScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cart.com connection")
public class ConnectionResource {
    public static final String TOKEN_REQUIRED = "Enter the store's Cart.com access token";

    /**
     * The domain's rules are {@link com.orderdesk.cartcom.settings.service.DomainValidator}'s (invalid_domain, each
     * with its own message). toString is overridden so the token can never reach a log line through this record.
     */
    public record ConnectionRequest(String domain, @NotBlank(message = TOKEN_REQUIRED) String accessToken) {
        @Override
        public String toString() {
            return "ConnectionRequest[domain=" + domain + "]";
        }
    }

    /**
     * Never the token: only its hint. uncheckedScopes: what the live check could not try without changing the store
     * (orders:write, that is status changes and shipments); empty when not connected.
     */
    public record ConnectionView(boolean connected, String domain, String tokenHint, Instant verifiedAt,
                                 List<String> uncheckedScopes) {
        static ConnectionView of(CartcomConnection connection) {
            if (connection == null) {
                return new ConnectionView(false, null, null, null, List.of());
            }
            return new ConnectionView(connection.usable(), connection.domain, connection.tokenHint, connection.verifiedAt,
                    connection.usable() ? ConnectionService.UNCHECKED_SCOPES : List.of());
        }
    }

    private final ConnectionService connections;

    ConnectionResource(ConnectionService connections) {
        this.connections = connections;
    }

    @PUT
    @InvalidInput(code = CartcomFailures.TOKEN_REJECTED, message = TOKEN_REQUIRED)
    @Operation(summary = "Verify a domain and access token live against Cart.com, then store them",
            description = "422 {error: {code, message, fields?}} with code invalid_domain, token_rejected, "
                    + "scope_missing (fields.access_token names the scopes), unreachable, rate_limited, "
                    + "unexpected_response or domain_redirects (fields.domain names the domain to use) when the check "
                    + "fails; nothing changes then. unchecked_scopes names what the check cannot try.")
    public ConnectionView connect(@PathParam("storeId") long storeId, @Valid ConnectionRequest request) {
        RequestBodies.require(request, "Send {domain, access_token}");
        return ConnectionView.of(connections.connect(storeId, request.domain(), request.accessToken()));
    }

    @GET
    @Operation(summary = "The current connection")
    public ConnectionView get(@PathParam("storeId") long storeId) {
        return ConnectionView.of(connections.current(storeId));
    }

    @DELETE
    @Operation(summary = "Disconnect: the token is dropped, polling and syncing stop")
    public ConnectionView disconnect(@PathParam("storeId") long storeId) {
        return ConnectionView.of(connections.disconnect(storeId));
    }
}
