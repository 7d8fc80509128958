package com.orderdesk.cartcom.settings.rest;

import com.orderdesk.cartcom.kit.auth.StoreScoped;
import com.orderdesk.cartcom.kit.rest.InvalidInput;
import com.orderdesk.cartcom.settings.entity.CartcomSettings;
import com.orderdesk.cartcom.settings.service.SettingsCheck;
import com.orderdesk.cartcom.settings.service.SettingsInput;
import com.orderdesk.cartcom.settings.service.SettingsRules;
import com.orderdesk.cartcom.settings.service.SettingsService;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
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

@Path("/api/v1/stores/{storeId}/integrations/cartcom/settings")
@StoreScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cart.com settings")
public class SettingsResource {

    public record SettingsView(boolean enabled, int checkIntervalMinutes, List<Long> downloadStatusIds, long folderId,
                               Long afterImportStatusId, Long afterShipmentStatusId, boolean syncTrackingNumbers,
                               String orderPrefix, String afterShipmentStatusWhen, Instant savedAt) {
        static SettingsView of(CartcomSettings s) {
            return new SettingsView(s.enabled, s.checkIntervalMinutes, List.copyOf(s.downloadStatusIds), s.folderId,
                    s.afterImportStatusId, s.afterShipmentStatusId, s.syncTrackingNumbers, s.orderPrefix,
                    s.afterShipmentStatusWhen, s.savedAt);
        }
    }

    private final SettingsService settings;

    SettingsResource(SettingsService settings) {
        this.settings = settings;
    }

    @GET
    @Operation(summary = "The integration settings (defaults until first saved: disabled, no download statuses)")
    public SettingsView get(@PathParam("storeId") long storeId) {
        return SettingsView.of(settings.get(storeId));
    }

    @PUT
    @InvalidInput(code = SettingsCheck.CODE, message = SettingsCheck.MESSAGE)
    @SettingsRules.Checked
    @Operation(summary = "Replace the integration settings",
            description = "422 {error: {code: invalid_settings, fields: {name: message}}} when a rule is broken; "
                    + "409 not_connected without a connection.")
    public SettingsView put(@PathParam("storeId") long storeId, @Valid SettingsInput input) {
        RequestBodies.require(input, "Send the settings object");
        return SettingsView.of(settings.save(storeId, input));
    }
}
