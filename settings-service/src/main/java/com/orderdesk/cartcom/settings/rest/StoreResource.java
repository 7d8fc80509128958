package com.orderdesk.cartcom.settings.rest;

import com.orderdesk.cartcom.kit.auth.Roles;
import com.orderdesk.cartcom.kit.auth.StoreScoped;
import com.orderdesk.cartcom.kit.rest.InvalidInput;
import com.orderdesk.cartcom.settings.entity.Folder;
import com.orderdesk.cartcom.settings.entity.Store;
import com.orderdesk.cartcom.settings.service.StoreService;
import com.orderdesk.cartcom.settings.service.TimeZoneId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
    static final String NAME_RULE = "required, at most " + StoreService.MAX_NAME_LENGTH + " characters";

    public record CreateStoreRequest(
            @NotBlank(message = NAME_RULE) @Size(max = StoreService.MAX_NAME_LENGTH, message = NAME_RULE) String name,
            @TimeZoneId String timezone) {
    }

    /** The API key appears here once; only its hash is kept. */
    public record CreatedStore(long storeId, String apiKey, String name, String timezone) {
    }

    public record StoreView(long storeId, String name, String timezone) {
    }

    public record FolderRequest(
            @NotBlank(message = NAME_RULE) @Size(max = StoreService.MAX_NAME_LENGTH, message = NAME_RULE) String name) {
    }

    public record FolderView(long id, String name) {
        static FolderView of(Folder folder) {
            return new FolderView(folder.id, folder.name);
        }
    }

    private final StoreService stores;

    StoreResource(StoreService stores) {
        this.stores = stores;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @InvalidInput(code = "invalid_request",
            message = "name is required (at most " + StoreService.MAX_NAME_LENGTH + " characters); timezone, when sent, "
                    + "must be an IANA time zone such as America/Chicago")
    @Operation(summary = "Create a store (admin bearer token); answers its API key once")
    public Response create(@Valid CreateStoreRequest request) {
        RequestBodies.require(request, "Send {name, timezone?}");
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
    @RolesAllowed(Roles.ADMIN)
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
    @InvalidInput(code = "invalid_request", message = "name is required (at most " + StoreService.MAX_NAME_LENGTH
            + " characters)")
    @Operation(summary = "Add a folder")
    public Response addFolder(@PathParam("storeId") long storeId, @Valid FolderRequest request) {
        RequestBodies.require(request, "Send {name}");
        Folder folder = stores.addFolder(storeId, request.name());
        return Response.status(201).entity(FolderView.of(folder)).build();
    }
}
