package com.orderdesk.cartcom.settings.rest;

import com.orderdesk.cartcom.settings.entity.Folder;
import com.orderdesk.cartcom.settings.entity.Store;
import com.orderdesk.cartcom.settings.rest.auth.AdminOnly;
import com.orderdesk.cartcom.settings.rest.auth.StoreScoped;
import com.orderdesk.cartcom.settings.service.ApiException;
import com.orderdesk.cartcom.settings.service.StoreService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stores")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Stores")
public class StoreResource {

    public record CreateStoreRequest(String name, String timezone) {
    }

    /** The API key appears here once; only its hash is kept. */
    public record CreatedStore(long storeId, String apiKey, String name, String timezone) {
    }

    public record StoreView(long storeId, String name, String timezone) {
    }

    public record FolderRequest(String name) {
    }

    public record FolderView(long id, String name) {
        static FolderView of(Folder folder) {
            return new FolderView(folder.id, folder.name);
        }
    }

    @Inject
    StoreService stores;

    @POST
    @AdminOnly
    @Operation(summary = "Create a store (admin bearer token); answers its API key once")
    public Response create(CreateStoreRequest request) {
        if (request == null) {
            throw ApiException.badRequest("Send {name, timezone?}");
        }
        StoreService.CreatedStore created = stores.create(request.name(), request.timezone());
        Store store = created.store();
        return Response.created(URI.create("/api/v1/stores/" + store.id))
                .entity(new CreatedStore(store.id, created.apiKey(), store.name, store.timezone)).build();
    }

    @GET
    @Path("/{storeId}")
    @StoreScoped
    @Operation(summary = "The store")
    public StoreView get(@PathParam("storeId") long storeId) {
        Store store = stores.get(storeId);
        return new StoreView(store.id, store.name, store.timezone);
    }

    @DELETE
    @Path("/{storeId}")
    @AdminOnly
    @Operation(summary = "Delete a store (admin bearer token)",
            description = "Its connection, settings, folders, imports and activity go; a tombstone on "
                    + "cartcom.store-settings.v1 tells every service. 204; 404 for an unknown store.")
    public Response delete(@PathParam("storeId") long storeId) {
        stores.delete(storeId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{storeId}/folders")
    @StoreScoped
    @Operation(summary = "The store's folders")
    public List<FolderView> folders(@PathParam("storeId") long storeId) {
        return stores.folders(storeId).stream().map(FolderView::of).toList();
    }

    @POST
    @Path("/{storeId}/folders")
    @StoreScoped
    @Operation(summary = "Add a folder")
    public Response addFolder(@PathParam("storeId") long storeId, FolderRequest request) {
        if (request == null) {
            throw ApiException.badRequest("Send {name}");
        }
        Folder folder = stores.addFolder(storeId, request.name());
        return Response.status(201).entity(FolderView.of(folder)).build();
    }
}
