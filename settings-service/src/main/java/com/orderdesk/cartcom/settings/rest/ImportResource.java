package com.orderdesk.cartcom.settings.rest;

import com.orderdesk.cartcom.kit.auth.StoreScoped;
import com.orderdesk.cartcom.kit.rest.ApiException;
import com.orderdesk.cartcom.kit.rest.InvalidInput;
import com.orderdesk.cartcom.settings.entity.ManualImport;
import com.orderdesk.cartcom.settings.service.ImportService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stores/{storeId}/integrations/cartcom/imports")
@StoreScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Manual imports")
public class ImportResource {
    public static final String INVALID_SINCE = "invalid_since";
    public static final String SINCE_REQUIRED = "since is required: a date such as 2024-05-01 or an ISO-8601 instant";

    /** Whether since is a date or instant, and not in the future, depends on the store's time zone: SinceParser. */
    public record ImportRequest(@NotBlank(message = SINCE_REQUIRED) String since) {
    }

    public record ImportView(UUID importId, String status, Instant since, long ordersFound, long ordersImported,
                             long ordersSkipped, long ordersFailed, Instant requestedAt, Instant startedAt,
                             Instant finishedAt, String message) {
        static ImportView of(ManualImport i) {
            return new ImportView(i.id, i.status, i.since, i.ordersFound, i.ordersImported, i.ordersSkipped,
                    i.ordersFailed, i.requestedAt, i.startedAt, i.finishedAt, i.lastMessage);
        }
    }

    private final ImportService imports;

    ImportResource(ImportService imports) {
        this.imports = imports;
    }

    @POST
    @InvalidInput(code = INVALID_SINCE, message = SINCE_REQUIRED)
    @Operation(summary = "Import every order in the download statuses since a date (store time zone) or instant",
            description = "202 {import_id, status: queued}; 422 invalid_since for a malformed or future since.")
    public Response request(@PathParam("storeId") long storeId, @Valid ImportRequest request) {
        RequestBodies.require(request, "Send {since}");
        ManualImport created = imports.request(storeId, request.since());
        return Response.accepted(ImportView.of(created)).build();
    }

    @GET
    @Path("/{importId}")
    @Operation(summary = "A manual import's progress")
    public ImportView get(@PathParam("storeId") long storeId, @PathParam("importId") String importId) {
        UUID id;
        try {
            id = UUID.fromString(importId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("import");
        }
        return ImportView.of(imports.get(storeId, id));
    }
}
