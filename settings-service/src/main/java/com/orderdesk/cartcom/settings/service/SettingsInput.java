package com.orderdesk.cartcom.settings.service;

import java.util.List;

/** Settings as a merchant sent them; any field may be missing (null). */
public record SettingsInput(
        Boolean enabled,
        Integer checkIntervalMinutes,
        List<Long> downloadStatusIds,
        Long folderId,
        Long afterImportStatusId,
        Long afterShipmentStatusId,
        Boolean syncTrackingNumbers,
        String orderPrefix,
        String afterShipmentStatusWhen) {
}
