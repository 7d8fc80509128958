package com.orderdesk.cartcom.kit.cartcom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.ClientQueryParam;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.Closeable;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The prototype's Cart.com calls as a Quarkus REST client interface, one instance per store base URL
 * ({@link RestStoreApis}). Uni so that the caller can bound the whole answer, body included. The token is a
 * parameter, not part of the instance, so a cached client never outlives a token change.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CartcomRest extends Closeable {
    String AUTH = "X-AC-Auth-Token";

    @GET
    @Path("/order_statuses")
    @ClientHeaderParam(name = "Cache-Control", value = "no-cache")
    @ClientQueryParam(name = "count", value = "100")
    Uni<RestResponse<JsonNode>> orderStatuses(@HeaderParam(AUTH) String token);

    @GET
    @Path("/orders")
    @ClientHeaderParam(name = "Cache-Control", value = "no-cache")
    Uni<RestResponse<JsonNode>> orders(@HeaderParam(AUTH) String token, @RestQuery Map<String, String> query);

    @GET
    @Path("/orders/{id}")
    @ClientHeaderParam(name = "Cache-Control", value = "no-cache")
    Uni<RestResponse<JsonNode>> order(@HeaderParam(AUTH) String token, @PathParam("id") long id,
            @RestQuery String expand);

    @GET
    @Path("/{resource}/select_many")
    @ClientHeaderParam(name = "Cache-Control", value = "no-cache")
    Uni<RestResponse<JsonNode>> selectMany(@HeaderParam(AUTH) String token, @PathParam("resource") String resource,
            @RestQuery @Encoded String ids, @RestQuery int count);

    /** A {@code next_page} link, as a path below the store's base and its query. */
    @GET
    @Path("/{path: .+}")
    @ClientHeaderParam(name = "Cache-Control", value = "no-cache")
    Uni<RestResponse<JsonNode>> page(@HeaderParam(AUTH) String token, @PathParam("path") @Encoded String path,
            @RestQuery Map<String, String> query);

    @PUT
    @Path("/orders/{id}/status")
    Uni<RestResponse<JsonNode>> setOrderStatus(@HeaderParam(AUTH) String token, @PathParam("id") long id, JsonNode body);

    @POST
    @Path("/order_shipments")
    Uni<RestResponse<JsonNode>> upsertShipment(@HeaderParam(AUTH) String token, JsonNode body);
}
