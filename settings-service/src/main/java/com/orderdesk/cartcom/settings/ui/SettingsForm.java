package com.orderdesk.cartcom.settings.ui;

import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.settings.entity.CartcomSettings;
import com.orderdesk.cartcom.settings.service.SettingsInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings form as the page shows it and as a browser sends it back. Its field names are the API's JSON names, so
 * an error the API would report for a field lands beside that field. A browser sends every field of the form: an
 * unticked box is false, an empty select is null ("leave the status unchanged").
 */
public record SettingsForm(boolean enabled, Integer checkIntervalMinutes, Set<Long> downloadStatusIds, Long folderId,
                           Long afterImportStatusId, Long afterShipmentStatusId, String afterShipmentStatusWhen,
                           boolean syncTrackingNumbers, String orderPrefix) {

    /** What the form shows from the saved settings; before the first save, "enabled" is offered ticked (saving turns it on). */
    public static SettingsForm of(CartcomSettings s) {
        return new SettingsForm(s.enabled || s.savedAt == null, s.checkIntervalMinutes,
                new LinkedHashSet<>(s.downloadStatusIds), s.folderId, s.afterImportStatusId, s.afterShipmentStatusId,
                s.afterShipmentStatusWhen, s.syncTrackingNumbers, s.orderPrefix);
    }

    /** A posted form: the values it could read, and the fields that are not even numbers. */
    public record Posted(SettingsForm form, Map<String, String> unreadable) {
        public SettingsInput input() {
            return new SettingsInput(form.enabled, form.checkIntervalMinutes, new ArrayList<>(form.downloadStatusIds),
                    form.folderId, form.afterImportStatusId, form.afterShipmentStatusId, form.syncTrackingNumbers,
                    form.orderPrefix, form.afterShipmentStatusWhen);
        }
    }

    public static Posted read(String enabled, String interval, List<String> downloads, String folder, String afterImport,
                              String afterShipment, String when, String sync, String prefix) {
        Map<String, String> unreadable = new LinkedHashMap<>();
        Set<Long> downloadIds = new LinkedHashSet<>();
        for (String id : downloads == null ? List.<String>of() : downloads) {
            Long parsed = number("download_status_ids", id, unreadable);
            if (parsed != null) {
                downloadIds.add(parsed);
            }
        }
        Integer minutes = null;
        Long intervalNumber = number("check_interval_minutes", interval, unreadable);
        if (intervalNumber != null) {
            minutes = intervalNumber > Integer.MAX_VALUE || intervalNumber < Integer.MIN_VALUE ? -1 : intervalNumber.intValue();
        }
        SettingsForm form = new SettingsForm(checked(enabled), minutes, downloadIds,
                number("folder_id", folder, unreadable), number("after_import_status_id", afterImport, unreadable),
                number("after_shipment_status_id", afterShipment, unreadable),
                when == null || when.isBlank() ? StoreIntegrationChanged.AFTER_EACH_SHIPMENT : when, checked(sync),
                prefix == null ? "" : prefix.trim());
        return new Posted(form, unreadable);
    }

    private static boolean checked(String box) {
        return box != null && !box.isBlank();
    }

    private static Long number(String field, String value, Map<String, String> unreadable) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            unreadable.putIfAbsent(field, "must be a number");
            return null;
        }
    }
}
