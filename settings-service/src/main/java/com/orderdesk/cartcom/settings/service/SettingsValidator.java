package com.orderdesk.cartcom.settings.service;

import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.cartcom.OrderStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The settings rules of CONTRACTS.md, all checked at once so the merchant sees every problem together. The live
 * statuses are only fetched when a status id needs checking.
 */
public final class SettingsValidator {
    public static final List<Integer> CHECK_INTERVALS = List.of(5, 10, 15, 30, 60, 120, 240, 720, 1440);
    public static final int MAX_PREFIX_LENGTH = 20;
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_#-]*");

    /** Field name (as in the API) to message; empty when the settings are valid. */
    public static Map<String, String> validate(SettingsInput in, Set<Long> folderIds,
                                               Supplier<List<OrderStatus>> liveStatuses) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (in.checkIntervalMinutes() != null && !CHECK_INTERVALS.contains(in.checkIntervalMinutes())) {
            errors.put("check_interval_minutes", "must be one of " + CHECK_INTERVALS);
        }
        String prefix = in.orderPrefix();
        if (prefix != null && (prefix.length() > MAX_PREFIX_LENGTH || !PREFIX.matcher(prefix).matches())) {
            errors.put("order_prefix", "at most " + MAX_PREFIX_LENGTH + " characters of letters, digits, -, _ and #");
        }
        if (in.afterShipmentStatusWhen() != null
                && !StoreIntegrationChanged.AFTER_EACH_SHIPMENT.equals(in.afterShipmentStatusWhen())
                && !StoreIntegrationChanged.AFTER_FULLY_SHIPPED.equals(in.afterShipmentStatusWhen())) {
            errors.put("after_shipment_status_when", "one of " + StoreIntegrationChanged.AFTER_EACH_SHIPMENT + " (after "
                    + "every shipment) or " + StoreIntegrationChanged.AFTER_FULLY_SHIPPED + " (once every item has shipped)");
        }
        if (in.folderId() != null && !folderIds.contains(in.folderId())) {
            errors.put("folder_id", "must be one of the store's folders");
        }
        List<Long> download = in.downloadStatusIds();
        if (download == null || download.isEmpty()) {
            errors.put("download_status_ids", "choose at least one Cart.com status to download");
        } else if (download.contains(null)) {
            errors.put("download_status_ids", "must not contain null");
        }
        if (in.afterImportStatusId() != null && download != null && download.contains(in.afterImportStatusId())) {
            // The guide's rule: an imported order moved to a status that is downloaded again would never leave it,
            // and the merchant would see nothing new downloaded.
            errors.put("after_import_status_id", "must not be one of the Download These Orders statuses, "
                    + "otherwise Order Desk will not be able to download any orders");
        }
        boolean statusesToCheck = (download != null && !download.isEmpty() && !download.contains(null))
                || in.afterImportStatusId() != null || in.afterShipmentStatusId() != null;
        if (statusesToCheck) {
            Set<Long> known = liveStatuses.get().stream().map(OrderStatus::id).collect(Collectors.toSet());
            if (download != null && !download.contains(null) && !errors.containsKey("download_status_ids")) {
                List<Long> unknown = download.stream().filter(id -> !known.contains(id)).distinct().toList();
                if (!unknown.isEmpty()) {
                    errors.put("download_status_ids", "not statuses of this Cart.com store: " + unknown);
                }
            }
            if (in.afterImportStatusId() != null && !known.contains(in.afterImportStatusId())
                    && !errors.containsKey("after_import_status_id")) {
                errors.put("after_import_status_id", "not a status of this Cart.com store");
            }
            if (in.afterShipmentStatusId() != null && !known.contains(in.afterShipmentStatusId())) {
                errors.put("after_shipment_status_id", "not a status of this Cart.com store");
            }
        }
        return errors;
    }

    private SettingsValidator() {
    }
}
