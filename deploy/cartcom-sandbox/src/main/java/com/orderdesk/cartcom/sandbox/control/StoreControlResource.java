package com.orderdesk.cartcom.sandbox.control;

import com.orderdesk.cartcom.sandbox.store.RecordNotFoundException;
import com.orderdesk.cartcom.sandbox.store.SandboxStore;
import com.orderdesk.cartcom.sandbox.store.StoreRegistry;
import com.orderdesk.cartcom.sandbox.store.TokenScope;
import com.orderdesk.cartcom.sandbox.seed.RealWorldShape;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** /_sandbox/stores: create, inspect and reconfigure stores, and hand out or revoke tokens. */
@Path("/_sandbox/stores")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StoreControlResource {

    private final StoreRegistry registry;
    private final ControlStores stores;
    private final StoreSettingsFactory settings;

    public StoreControlResource(StoreRegistry registry, ControlStores stores, StoreSettingsFactory settings) {
        this.registry = registry;
        this.stores = stores;
        this.settings = settings;
    }

    @POST
    public Response create(StoreRequest request, @Context UriInfo uri) {
        StoreRequest body = request == null ? StoreRequest.empty() : request;
        SandboxStore store = registry.create(body.domain(), settings.apply(settings.defaults(), body), body.token());
        return Response.status(201).entity(StoreInfo.of(store, uri.getBaseUri().toString())).build();
    }

    @GET
    public List<StoreInfo> list(@Context UriInfo uri) {
        return registry.all().stream().map(s -> StoreInfo.of(s, uri.getBaseUri().toString())).toList();
    }

    @GET
    @Path("{domain}")
    public StoreInfo get(@PathParam("domain") String domain, @Context UriInfo uri) {
        return StoreInfo.of(stores.require(domain), uri.getBaseUri().toString());
    }

    @PUT
    @Path("{domain}")
    public StoreInfo update(@PathParam("domain") String domain, StoreRequest request, @Context UriInfo uri) {
        SandboxStore store = stores.require(domain);
        if (request != null) {
            store.updateSettings(settings.apply(store.settings(), request), registry.now());
        }
        return StoreInfo.of(store, uri.getBaseUri().toString());
    }

    @POST
    @Path("{domain}/tokens")
    public Response addToken(@PathParam("domain") String domain, TokenRequest request) {
        SandboxStore store = stores.require(domain);
        String token = StoreRegistry.newToken();
        if (request == null || request.scopes() == null) {
            store.addToken(token);
            return Response.status(201).entity(Map.of("token", token, "scopes", wireNames(EnumSet.allOf(TokenScope.class))))
                    .build();
        }
        Set<TokenScope> scopes = TokenScope.parse(request.scopes());
        if (!store.settings().realWorld().contains(RealWorldShape.PARTIAL_SCOPES)) {
            // A friendly store ignores scopes: minting one there would make a test pass for the wrong reason.
            throw new IllegalArgumentException("scopes need the store's real_world partial_scopes (or all)");
        }
        store.addToken(token, scopes);
        return Response.status(201).entity(Map.of("token", token, "scopes", wireNames(scopes))).build();
    }

    static List<String> wireNames(Set<TokenScope> scopes) {
        return scopes.stream().map(TokenScope::wireName).sorted().toList();
    }

    @DELETE
    @Path("{domain}/tokens/{token}")
    public Response revokeToken(@PathParam("domain") String domain, @PathParam("token") String token) {
        if (!stores.require(domain).revokeToken(token)) {
            throw new RecordNotFoundException("No such token on " + domain);
        }
        return Response.noContent().build();
    }
}
