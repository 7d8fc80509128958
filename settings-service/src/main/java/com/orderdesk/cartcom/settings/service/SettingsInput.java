package com.orderdesk.cartcom.settings.service;

import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * Settings as a merchant sent them; any field may be missing (null). The rules of one field are its constraints; the
 * rules that need the store (its folders, its Cart.com statuses) or another field are {@link SettingsRules}.
 */
public record SettingsInput(
        Boolean enabled,
        @CheckInterval Integer checkIntervalMinutes,
        @NotEmpty(message = "choose at least one Cart.com status to download")
        List<@NotNull(message = "must not contain null") Long> downloadStatusIds,
        Long folderId,
        Long afterImportStatusId,
        Long afterShipmentStatusId,
        Boolean syncTrackingNumbers,
        @Pattern(regexp = "[A-Za-z0-9_#-]{0,20}", message = "at most 20 characters of letters, digits, -, _ and #")
        String orderPrefix,
        @Pattern(regexp = StoreIntegrationChanged.AFTER_EACH_SHIPMENT + "|" + StoreIntegrationChanged.AFTER_FULLY_SHIPPED,
                message = "one of " + StoreIntegrationChanged.AFTER_EACH_SHIPMENT + " (after every shipment) or "
                        + StoreIntegrationChanged.AFTER_FULLY_SHIPPED + " (once every item has shipped)")
        String afterShipmentStatusWhen) {
}
