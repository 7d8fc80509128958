package com.orderdesk.cartcom.model.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The full snapshot of one store's Cart.com integration, on the compacted topic
 * {@link Topics#STORE_SETTINGS}. Consumers keep the newest {@link #version()} and drop older ones.
 * The access token stays encrypted ({@link #encryptedToken()} under {@link #keyId()}); only services
 * that call Cart.com hold the keys to open it.
 */
public record StoreIntegrationChanged(
        UUID eventId,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        long storeId,
        long version,
        boolean connected,
        boolean enabled,
        String domain,
        String encryptedToken,
        String keyId,
        String apiKeyHash,
        String timezone,
        Integer checkIntervalMinutes,
        List<Long> downloadStatusIds,
        Long folderId,
        Long afterImportStatusId,
        Long afterShipmentStatusId,
        boolean syncTrackingNumbers,
        String orderPrefix,
        List<Folder> folders) implements IntegrationEvent {

    public static final String TYPE = "StoreIntegrationChanged";

    public StoreIntegrationChanged {
        downloadStatusIds = downloadStatusIds == null ? List.of() : List.copyOf(downloadStatusIds);
        folders = folders == null ? List.of() : List.copyOf(folders);
        orderPrefix = orderPrefix == null ? "" : orderPrefix;
    }

    /** Whether the services should poll and sync this store at all. */
    public boolean active() {
        return connected && enabled && encryptedToken != null && !downloadStatusIds.isEmpty();
    }
}
