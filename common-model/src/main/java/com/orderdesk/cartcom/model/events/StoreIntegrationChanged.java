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
        List<Folder> folders,
        String afterShipmentStatusWhen) implements IntegrationEvent {

    public static final String TYPE = "StoreIntegrationChanged";
    /** "After Shipment, Set Status" applies after every shipment, partial ones included (the default). */
    public static final String AFTER_EACH_SHIPMENT = "each_shipment";
    /** "After Shipment, Set Status" applies once every item of the order has shipped. */
    public static final String AFTER_FULLY_SHIPPED = "fully_shipped";

    public StoreIntegrationChanged {
        downloadStatusIds = downloadStatusIds == null ? List.of() : List.copyOf(downloadStatusIds);
        folders = folders == null ? List.of() : List.copyOf(folders);
        orderPrefix = orderPrefix == null ? "" : orderPrefix;
        afterShipmentStatusWhen = AFTER_FULLY_SHIPPED.equals(afterShipmentStatusWhen) ? AFTER_FULLY_SHIPPED
                : AFTER_EACH_SHIPMENT;
    }

    /** A snapshot as producers wrote it before {@code afterShipmentStatusWhen} existed: each shipment. */
    public StoreIntegrationChanged(UUID eventId, String eventType, int schemaVersion, Instant occurredAt, long storeId,
                                   long version, boolean connected, boolean enabled, String domain,
                                   String encryptedToken, String keyId, String apiKeyHash, String timezone,
                                   Integer checkIntervalMinutes, List<Long> downloadStatusIds, Long folderId,
                                   Long afterImportStatusId, Long afterShipmentStatusId, boolean syncTrackingNumbers,
                                   String orderPrefix, List<Folder> folders) {
        this(eventId, eventType, schemaVersion, occurredAt, storeId, version, connected, enabled, domain,
                encryptedToken, keyId, apiKeyHash, timezone, checkIntervalMinutes, downloadStatusIds, folderId,
                afterImportStatusId, afterShipmentStatusId, syncTrackingNumbers, orderPrefix, folders,
                AFTER_EACH_SHIPMENT);
    }

    /** Whether the services should poll and sync this store at all. */
    public boolean active() {
        return connected && enabled && encryptedToken != null && !downloadStatusIds.isEmpty();
    }
}
