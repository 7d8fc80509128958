package com.orderdesk.cartcom.settings.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A store's integration settings (the guide's "Integration Settings"). Created with the store with safe
 * defaults: disabled and no download statuses, so nothing is polled until the merchant saves settings.
 */
@Entity
public class CartcomSettings extends PanacheEntityBase {
    public static final int DEFAULT_CHECK_INTERVAL_MINUTES = 15;

    @Id
    public Long storeId;

    public boolean enabled;

    public int checkIntervalMinutes;

    @Convert(converter = LongListConverter.class)
    public List<Long> downloadStatusIds = new ArrayList<>();

    public long folderId;

    public Long afterImportStatusId;

    public Long afterShipmentStatusId;

    public boolean syncTrackingNumbers;

    /** When "After Shipment, Set Status" applies: StoreIntegrationChanged.AFTER_EACH_SHIPMENT or AFTER_FULLY_SHIPPED. */
    public String afterShipmentStatusWhen = StoreIntegrationChanged.AFTER_EACH_SHIPMENT;

    public String orderPrefix;

    /** When the merchant last saved settings; null while the defaults are in force. */
    public Instant savedAt;

    public static CartcomSettings defaults(long storeId, long folderId) {
        CartcomSettings settings = new CartcomSettings();
        settings.storeId = storeId;
        settings.enabled = false;
        settings.checkIntervalMinutes = DEFAULT_CHECK_INTERVAL_MINUTES;
        settings.downloadStatusIds = new ArrayList<>();
        settings.folderId = folderId;
        settings.syncTrackingNumbers = true;
        settings.orderPrefix = "";
        return settings;
    }

    /** Status ids belong to one Cart.com store: after a change of store they mean nothing, so they are cleared. */
    public void forgetStatuses() {
        enabled = false;
        downloadStatusIds = new ArrayList<>();
        afterImportStatusId = null;
        afterShipmentStatusId = null;
        savedAt = null;
    }
}
