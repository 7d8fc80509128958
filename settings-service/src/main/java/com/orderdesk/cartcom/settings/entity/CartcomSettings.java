package com.orderdesk.cartcom.settings.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A store's integration settings (the guide's "Integration Settings"). Created with the store with safe
 * defaults: disabled and no download statuses, so nothing is polled until the merchant saves settings.
 */
@Entity
@Table(name = "cartcom_settings")
public class CartcomSettings extends PanacheEntityBase {
    public static final int DEFAULT_CHECK_INTERVAL_MINUTES = 15;

    @Id
    @Column(name = "store_id")
    public Long storeId;

    public boolean enabled;

    @Column(name = "check_interval_minutes")
    public int checkIntervalMinutes;

    @Column(name = "download_status_ids")
    @Convert(converter = LongListConverter.class)
    public List<Long> downloadStatusIds = new ArrayList<>();

    @Column(name = "folder_id")
    public long folderId;

    @Column(name = "after_import_status_id")
    public Long afterImportStatusId;

    @Column(name = "after_shipment_status_id")
    public Long afterShipmentStatusId;

    @Column(name = "sync_tracking_numbers")
    public boolean syncTrackingNumbers;

    /** When "After Shipment, Set Status" applies: StoreIntegrationChanged.AFTER_EACH_SHIPMENT or AFTER_FULLY_SHIPPED. */
    @Column(name = "after_shipment_status_when")
    public String afterShipmentStatusWhen = StoreIntegrationChanged.AFTER_EACH_SHIPMENT;

    @Column(name = "order_prefix")
    public String orderPrefix;

    /** When the merchant last saved settings; null while the defaults are in force. */
    @Column(name = "saved_at")
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
