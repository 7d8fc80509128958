package com.orderdesk.cartcom.settings.service;

import com.orderdesk.cartcom.kit.rest.ApiException;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.settings.entity.CartcomConnection;
import com.orderdesk.cartcom.settings.entity.CartcomSettings;
import com.orderdesk.cartcom.settings.entity.Folder;
import com.orderdesk.cartcom.settings.entity.Store;
import com.orderdesk.cartcom.settings.outbox.SnapshotPublisher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * A store's integration settings. A PUT replaces them all; omitted fields take these values: enabled true (saving
 * the settings is what turns the integration on), check_interval_minutes 15, folder_id the current folder,
 * sync_tracking_numbers true, order_prefix "", after-import/after-shipment statuses null (leave unchanged). The settings
 * arrive checked: their fields by the constraints of {@link SettingsInput}, against the store by {@link SettingsRules}.
 */
@ApplicationScoped
public class SettingsService {
    private final SnapshotPublisher snapshots;

    SettingsService(SnapshotPublisher snapshots) {
        this.snapshots = snapshots;
    }

    public CartcomSettings get(long storeId) {
        CartcomSettings settings = CartcomSettings.findById(storeId);
        if (settings == null) {
            throw ApiException.notFound("store");
        }
        return settings;
    }

    /** Checked settings (which may have called Cart.com, outside any transaction), applied under the store's lock. */
    public CartcomSettings save(long storeId, SettingsInput input) {
        return QuarkusTransaction.requiringNew().call(() -> apply(storeId, input));
    }

    private CartcomSettings apply(long storeId, SettingsInput in) {
        Store store = StoreService.lock(storeId);
        CartcomConnection connection = CartcomConnection.findById(storeId);
        if (connection == null || !connection.usable()) {
            throw ApiException.notConnected(); // disconnected while the rules were checked
        }
        CartcomSettings settings = CartcomSettings.findById(storeId);
        if (in.folderId() != null && Folder.findById(in.folderId()) == null) {
            throw new ApiException(422, SettingsCheck.CODE, SettingsCheck.MESSAGE,
                    Map.of("folder_id", "must be one of the store's folders"));
        }
        settings.enabled = in.enabled() == null || in.enabled();
        settings.checkIntervalMinutes = in.checkIntervalMinutes() == null
                ? CartcomSettings.DEFAULT_CHECK_INTERVAL_MINUTES : in.checkIntervalMinutes();
        settings.downloadStatusIds = new ArrayList<>(new LinkedHashSet<>(in.downloadStatusIds()));
        if (in.folderId() != null) {
            settings.folderId = in.folderId();
        }
        settings.afterImportStatusId = in.afterImportStatusId();
        settings.afterShipmentStatusId = in.afterShipmentStatusId();
        settings.syncTrackingNumbers = in.syncTrackingNumbers() == null || in.syncTrackingNumbers();
        settings.orderPrefix = in.orderPrefix() == null ? "" : in.orderPrefix();
        settings.afterShipmentStatusWhen = in.afterShipmentStatusWhen() == null
                ? StoreIntegrationChanged.AFTER_EACH_SHIPMENT : in.afterShipmentStatusWhen();
        settings.savedAt = Instant.now();
        snapshots.publish(store);
        return settings;
    }
}
